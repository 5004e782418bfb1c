import { MigrationInterface, QueryRunner } from 'typeorm';

/** A read model's rows counted per the columns its list filters on with equality. */
const LIST_COUNTS = [
  {
    counts: 'caseload_counts',
    rows: 'trajectory_summaries',
    where: `status <> 'CLOSED'`,
    columns: ['agency', 'counsellor_id', 'municipality'],
  },
  {
    counts: 'deadline_counts',
    rows: 'deadlines',
    where: 'true',
    columns: ['state', 'kind', 'agency', 'counsellor_id', 'municipality'],
  },
  {
    counts: 'violation_counts',
    rows: 'violations',
    where: 'true',
    columns: ['state', 'kind', 'agency', 'municipality'],
  },
];

/**
 * Issue 7 §3: counts that do not scan everything. Each list's total is read from its counts table (the rows of the
 * read model per value of the columns the list filters on), kept by statement triggers from the rows each statement
 * inserted, updated or deleted, as participation_hour_totals is. A statement that changes no counted column locks no
 * count. The list falls back to counting its rows for a filter the counts do not have (a period of due dates, a scope
 * other than agency or residence).
 */
export class ListCounts1797600000002 implements MigrationInterface {
  name = 'ListCounts1797600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { counts, rows, where, columns } of LIST_COUNTS) {
      const list = columns.join(', ');
      await queryRunner.query(
        `CREATE TABLE ${counts} (${columns.map((column) => `${column} text`).join(', ')}, n bigint NOT NULL,
           CONSTRAINT ${counts}_key UNIQUE NULLS NOT DISTINCT (${list}))`,
      );
      for (const [event, transitions, changed] of [
        ['insert', 'NEW TABLE AS rows_new', `SELECT 1 AS sign, ${list} FROM rows_new WHERE ${where}`],
        [
          'update',
          'NEW TABLE AS rows_new OLD TABLE AS rows_old',
          `SELECT 1 AS sign, ${list} FROM rows_new WHERE ${where} UNION ALL SELECT -1, ${list} FROM rows_old WHERE ${where}`,
        ],
        ['delete', 'OLD TABLE AS rows_old', `SELECT -1 AS sign, ${list} FROM rows_old WHERE ${where}`],
      ]) {
        await queryRunner.query(`
          CREATE FUNCTION ${counts}_on_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO ${counts} AS counted (${list}, n)
            SELECT ${list}, sum(sign) FROM (${changed}) changed
             GROUP BY ${list} HAVING sum(sign) <> 0 ORDER BY ${list}
            ON CONFLICT ON CONSTRAINT ${counts}_key DO UPDATE SET n = counted.n + EXCLUDED.n;
            ${event === 'insert' ? '' : `DELETE FROM ${counts} WHERE n = 0;`}
            RETURN NULL;
          END $$`);
        await queryRunner.query(
          `CREATE TRIGGER ${counts}_${event} AFTER ${event.toUpperCase()} ON ${rows}
           REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION ${counts}_on_${event}()`,
        );
      }
      // A rebuild truncates the rows; a bulk copy with triggers off counts afresh with the recount.
      await queryRunner.query(`
        CREATE FUNCTION ${counts}_recount() RETURNS void LANGUAGE sql AS $$
          DELETE FROM ${counts};
          INSERT INTO ${counts} SELECT ${list}, count(*) FROM ${rows} WHERE ${where} GROUP BY ${list};
        $$`);
      await queryRunner.query(`
        CREATE FUNCTION ${counts}_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM ${counts};
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${counts}_truncate AFTER TRUNCATE ON ${rows}
         FOR EACH STATEMENT EXECUTE FUNCTION ${counts}_clear()`,
      );
      await queryRunner.query(`SELECT ${counts}_recount()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { counts, rows } of LIST_COUNTS) {
      for (const event of ['insert', 'update', 'delete', 'truncate'])
        await queryRunner.query(`DROP TRIGGER ${counts}_${event} ON ${rows}`);
      await queryRunner.query(`DROP TABLE ${counts}`);
      await queryRunner.query(`DROP FUNCTION ${counts}_on_insert(), ${counts}_on_update(), ${counts}_on_delete(),
        ${counts}_clear(), ${counts}_recount()`);
    }
  }
}
