import type { DataSource } from 'typeorm';

/**
 * Grows the read volume fast: every trajectory already in the store (written by `EventStore.append`, so its events
 * and read-model rows are what the projections produce) is copied `copies` times under fresh trajectory ids, in every
 * table keyed by trajectory_id or stream_id (events, read models, outbox). Serial, identity and generated keys (event
 * position, outbox id) are left to their defaults. Appending the same volume through the store would take minutes; the queries
 * only need the rows to be there, with the shape and spread real trajectories give them.
 *
 * The trajectory id appears inside other values (stream ids, deadline and violation ids, idempotency keys, event
 * payloads), so each row is copied through its JSON text with the old id replaced by the new one. So is the
 * newcomer's national number, since a newcomer has one active trajectory at most: a copy keeps the birth date and
 * gets serial 500 + its copy number (the workload uses serials up to 500), with a valid check number.
 * Returns the number of trajectories added.
 */
export async function cloneTrajectories(
  dataSource: DataSource,
  copies: number,
  excludeTables: readonly string[],
): Promise<number> {
  if (copies < 1) return 0;
  if (copies > 497)
    throw new RangeError(`at most 497 copies (national number serials 501-997), asked ${copies}`);
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE TEMPORARY TABLE bench_clone_ids ON COMMIT DROP AS
         SELECT old_id, new_id, old_number,
                first_nine || lpad((97 - first_nine::bigint % 97)::text, 2, '0') AS new_number
           FROM (SELECT summary.trajectory_id AS old_id, gen_random_uuid()::text AS new_id,
                        summary.national_number AS old_number,
                        left(summary.national_number, 6) || lpad((500 + copy)::text, 3, '0') AS first_nine
                   FROM trajectory_summaries summary CROSS JOIN generate_series(1, $1) AS copy) numbered`,
      [copies],
    );
    const tables = await manager.query<{ table_name: string; key: string; columns: string[] }[]>(
      `SELECT c.table_name,
              CASE WHEN bool_or(c.column_name = 'trajectory_id') THEN 'trajectory_id' ELSE 'stream_id' END AS key,
              array_agg(c.column_name::text ORDER BY c.ordinal_position)
                FILTER (WHERE c.is_identity = 'NO'
                          AND (c.column_default IS NULL
                               OR (c.column_default NOT LIKE 'nextval(%' AND c.column_default <> 'gen_random_uuid()')))
                AS columns
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT (c.table_name = ANY($1))
        GROUP BY c.table_name
       HAVING bool_or(c.column_name IN ('trajectory_id', 'stream_id'))`,
      [excludeTables],
    );
    for (const { table_name: table, key, columns } of tables) {
      const list = columns.map((column) => `"${column}"`).join(', ');
      await manager.query(
        `INSERT INTO "${table}" (${list})
         SELECT ${columns.map((column) => `copy."${column}"`).join(', ')}
           FROM "${table}" original
           JOIN bench_clone_ids ids ON ids.old_id = original."${key}"
          CROSS JOIN LATERAL jsonb_populate_record(
                NULL::"${table}",
                replace(replace(to_jsonb(original)::text, ids.old_id, ids.new_id), ids.old_number, ids.new_number)::jsonb
              ) copy`,
      );
    }
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM bench_clone_ids',
    );
    return count;
  });
}
