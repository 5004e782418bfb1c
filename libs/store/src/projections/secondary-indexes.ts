import type { EntityManager } from 'typeorm';

/** Where SQL runs: an entity manager, or a connection of a rebuild's own (rebuildReadModels' second writer). */
export type SqlRunner = Pick<EntityManager, 'query'>;

/**
 * Drops the tables' indexes other than primary keys and constraints, answering their definitions, for a caller that
 * fills the tables and then builds each index once over all their rows: cheaper than maintaining it row by row (in
 * the rows' order, scattered over the index). Unique indexes are checked when they are built again, inside the same
 * transaction.
 */
export async function dropSecondaryIndexes(
  manager: SqlRunner,
  tableNames: readonly string[],
): Promise<string[]> {
  const indexes = await manager.query<{ name: string; definition: string }[]>(
    `SELECT index.indexrelid::regclass::text AS name, pg_get_indexdef(index.indexrelid) AS definition
       FROM pg_index index
      WHERE index.indrelid = ANY($1::regclass[]) AND NOT index.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = index.indexrelid)`,
    [tableNames],
  );
  for (const { name } of indexes) await manager.query(`DROP INDEX ${name}`);
  return indexes.map(({ definition }) => definition);
}
