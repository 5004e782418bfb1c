import type { DataSource } from 'typeorm';
import { simulatedNameSql } from '../libs/domain/src/simulation';

/**
 * A copy's name: the simulated year's name generator (libs/domain/src/simulation/simulated-names.ts) keyed by the
 * copy's national number, so copies of one newcomer get varied names and the same store is grown the same way.
 */
const COPY_NAME = simulatedNameSql('new_number::bigint % 2147483648');

export interface CloneOptions {
  /** Copies of each source trajectory. */
  copies: number;
  /** The copies are numbered from here (a later round continues the numbering of an earlier one). */
  firstCopy?: number;
  /** A copy's national number gets serial `serialBase` + its copy number (serials of the sources lie outside). */
  serialBase: number;
  /** Which trajectories are copied: a condition on `summary` (trajectory_summaries); default every one. */
  sources?: string;
  /** Tables not to copy rows of. */
  excludeTables?: readonly string[];
  /** Only these tables (default: every table keyed by trajectory_id or stream_id). */
  onlyTables?: readonly string[];
  /**
   * Whether to recount the trigger-kept totals and counts at the end (default true). Runs copying side by side must
   * leave it to one of them, or recount once after: two recounts at once would each insert the other's rows.
   */
  recount?: boolean;
}

interface ColumnType {
  name: string;
  type: string;
}

/** Column types whose values may carry a trajectory id or national number; others are copied as they are. */
const TEXTUAL = ['text', 'jsonb', 'json', 'uuid'];

/**
 * Grows the read volume fast: trajectories already in the store (written by `EventStore.append` or inserted and
 * rebuilt, so their events and read-model rows are what the projections produce) are copied `copies` times under
 * fresh trajectory ids (derived from the original's and the copy number, so a table added later can be copied to
 * the same ids with `onlyTables`), in every table keyed by trajectory_id or stream_id (events, stored states, read
 * models, outbox). Serial, identity and generated columns (event position, outbox id) are left to their defaults.
 * Triggers are off while copying, the events' hash chain among them: copied events carry no hash (bytea columns
 * are not copied), and the totals and counts the triggers keep are recounted at the end. Deciding the same volume
 * through the domain would take hours; the queries only need the rows to be there, with the shape and spread real
 * trajectories give them, and every copy is a row the projections would write for its events (only the ids and the
 * national number differ, and no read model derives a value from them).
 *
 * The trajectory id appears inside other values (stream ids, deadline and violation ids, idempotency keys, event
 * payloads), so each textual value is copied with the old id replaced by the new one. So is the newcomer's national
 * number, since a newcomer has one active trajectory at most: a copy keeps the birth date and gets serial
 * `serialBase` + its copy number, with the check number of its century. Returns the number of
 * trajectories added.
 */
export async function cloneTrajectories(dataSource: DataSource, options: CloneOptions): Promise<number> {
  const { copies, firstCopy = 1, serialBase, sources = 'true', excludeTables = [], onlyTables } = options;
  const { recount = true } = options;
  if (copies < 1) return 0;
  const lastSerial = serialBase + firstCopy + copies - 1;
  if (serialBase + firstCopy < 1 || lastSerial > 997)
    throw new RangeError(`serials ${serialBase + firstCopy}-${lastSerial} are not within 1-997`);
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE TEMPORARY TABLE bench_clone_ids ON COMMIT DROP AS
         SELECT named.*, name[1] AS new_given, name[2] AS new_family
           FROM (SELECT numbered.*, ${COPY_NAME} AS name
           FROM (SELECT old_id, new_id, old_number, old_given, old_family,
                first_nine || lpad((97 - (CASE WHEN born_1900s THEN first_nine ELSE '2' || first_nine END)::bigint % 97)::text, 2, '0') AS new_number
           FROM (SELECT summary.trajectory_id AS old_id, md5(summary.trajectory_id || ':' || copy)::uuid::text AS new_id,
                        summary.national_number AS old_number, summary.given_name AS old_given,
                        summary.family_name AS old_family,
                        (97 - left(summary.national_number, 9)::bigint % 97) = right(summary.national_number, 2)::int
                          AS born_1900s,
                        left(summary.national_number, 6) || lpad(($3 + copy)::text, 3, '0') AS first_nine
                   FROM trajectory_summaries summary CROSS JOIN generate_series($1::int, $2::int) AS copy
                  WHERE ${sources}) digits) numbered) named`,
      [firstCopy, firstCopy + copies - 1, serialBase],
    );
    // Without statistics the planner scans each table once per copied trajectory instead of using its index.
    await manager.query('ANALYZE bench_clone_ids');
    const tables = await manager.query<{ table_name: string; key: string; columns: ColumnType[] }[]>(
      `SELECT c.table_name,
              CASE WHEN bool_or(c.column_name = 'trajectory_id') THEN 'trajectory_id' ELSE 'stream_id' END AS key,
              json_agg(json_build_object('name', c.column_name, 'type', format_type(a.atttypid, a.atttypmod))
                       ORDER BY c.ordinal_position)
                FILTER (WHERE c.is_identity = 'NO' AND c.is_generated = 'NEVER' AND c.data_type <> 'bytea'
                          AND (c.column_default IS NULL
                               OR (c.column_default NOT LIKE 'nextval(%' AND c.column_default <> 'gen_random_uuid()')))
                AS columns
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                            AND a.attname = c.column_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT (c.table_name = ANY($1))
          AND ($2::text[] IS NULL OR c.table_name = ANY($2))
        GROUP BY c.table_name
       HAVING bool_or(c.column_name IN ('trajectory_id', 'stream_id'))`,
      [excludeTables, onlyTables ?? null],
    );
    await manager.query(`SET LOCAL session_replication_role = replica`);
    for (const { table_name: table, key, columns } of tables) {
      const list = columns.map(({ name }) => `"${name}"`).join(', ');
      const values = columns.map(({ name, type }) => {
        if (name === 'given_name' || name === 'family_name') return `ids.new_${name.split('_')[0]}`;
        if (!TEXTUAL.includes(type)) return `original."${name}"`;
        const replaced = `replace(replace(original."${name}"::text, ids.old_id, ids.new_id), ids.old_number, ids.new_number)`;
        // In a JSON value (an event's newcomer, a stored row), a name is a string of its own: replaced as one.
        return type.startsWith('json')
          ? `replace(replace(${replaced}, '"' || ids.old_given || '"', '"' || ids.new_given || '"'),
                     '"' || ids.old_family || '"', '"' || ids.new_family || '"')::${type}`
          : `${replaced}::${type}`;
      });
      await manager.query(
        `INSERT INTO "${table}" (${list})
         SELECT ${values.join(', ')}
           FROM "${table}" original
           JOIN bench_clone_ids ids ON ids.old_id = original."${key}"`,
      );
    }
    // Written with triggers off: the totals and list counts kept by triggers are summed afresh from their rows.
    if (recount)
      await manager.query(
        `SELECT participation_hour_totals_recount(), participation_hour_months_recount(), caseload_counts_recount(),
              deadline_counts_recount(), violation_counts_recount()`,
      );
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM bench_clone_ids',
    );
    return count;
  });
}
