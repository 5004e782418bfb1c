import type { DataSource } from 'typeorm';

/**
 * The imports staged from files of this name (a unique one per test: other test files stage their own imports
 * meanwhile, so a test that checks "nothing was staged" counts its own file, never the whole table).
 */
export async function importsNamed(
  database: DataSource,
  table: 'registration_imports' | 'caseload_imports',
  fileName: string,
): Promise<number> {
  const [{ count }] = await database.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${table} WHERE file_name = $1`,
    [fileName],
  );
  return count;
}
