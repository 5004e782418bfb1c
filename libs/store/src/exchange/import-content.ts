import type { QueryRunner } from 'typeorm';
import type { StagingResult } from './registration-exchange.types';

const UNIQUE_VIOLATION = '23505';

/** Where an import's rows wait and what makes two files the same: the same bytes from the same source. */
export interface ImportTable {
  table: 'registration_imports' | 'partner_record_imports' | 'caseload_imports';
  /** The unique index over the source's columns and content_hash. */
  contentKey: string;
  /** The columns naming the file's source and their values, e.g. { partner: 'VDAB' }. */
  source: Record<string, string>;
}

/**
 * Commits a staged import (the runner's open transaction) under the file's content hash, unless the same bytes from
 * the same source were imported before: then it is rolled back and the earlier import is named. The check is in
 * the statement, so only two uploads of one file at the same instant meet the unique index (and log its error).
 */
export async function commitUnlessImportedBefore(
  runner: QueryRunner,
  { table, contentKey, source }: ImportTable,
  staged: { importId: string; contentHash: string; totalRows: number },
): Promise<StagingResult> {
  const columns = Object.keys(source);
  const values = Object.values(source);
  // The source's columns as parameters from $first on.
  const sameSource = (first: number) =>
    columns.map((column, index) => `${column} = $${first + index}`).join(' AND ');
  try {
    const [, updated] = (await runner.query(
      `UPDATE ${table} SET content_hash = $2, total_rows = $3
        WHERE import_id = $1 AND NOT EXISTS (SELECT 1 FROM ${table} WHERE ${sameSource(4)} AND content_hash = $2)`,
      [staged.importId, staged.contentHash, staged.totalRows, ...values],
    )) as [unknown, number];
    if (updated === 1) {
      await runner.commitTransaction();
      return { importId: staged.importId, duplicate: false, totalRows: staged.totalRows };
    }
  } catch (error) {
    const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driverError?.code !== UNIQUE_VIOLATION || driverError.constraint !== contentKey) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
  await runner.rollbackTransaction();
  const [found] = (await runner.query(
    `SELECT import_id, total_rows FROM ${table} WHERE content_hash = $1 AND ${sameSource(2)}`,
    [staged.contentHash, ...values],
  )) as { import_id: string; total_rows: number }[];
  return { importId: found.import_id, duplicate: true, totalRows: found.total_rows };
}
