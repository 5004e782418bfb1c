import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §3: the participation-hours report costs its page, not the number of activities. participation_hour_sums
 * is a read model (a trajectory's hours per coordinating municipality and kind, written by its projection);
 * participation_hour_totals holds their sums per agency, residence, municipality and kind, kept by statement
 * triggers from the rows each statement inserted, updated or deleted (a trajectory counts once per row, and belongs
 * to one agency and residence at a time, so the trajectories of several totals rows add up). The report reads the
 * totals; with a period (from/to) it sums the activities of that period as before.
 */
export class ParticipationHourTotals1797600000000 implements MigrationInterface {
  name = 'ParticipationHourTotals1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE participation_hour_sums (
        trajectory_id text NOT NULL,
        municipality text NOT NULL,
        kind text NOT NULL,
        agency text NOT NULL,
        residence text NOT NULL,
        hours numeric(9,2) NOT NULL,
        activities integer NOT NULL,
        CONSTRAINT participation_hour_sums_pkey PRIMARY KEY (trajectory_id, municipality, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE participation_hour_totals (
        agency text NOT NULL,
        residence text NOT NULL,
        municipality text NOT NULL,
        kind text NOT NULL,
        hours numeric(12,2) NOT NULL,
        activities bigint NOT NULL,
        trajectories bigint NOT NULL,
        CONSTRAINT participation_hour_totals_pkey PRIMARY KEY (municipality, kind, agency, residence)
      )`);
    // The change of one statement, as signed rows (+1 inserted, -1 deleted), added to the totals in key order
    // (concurrent appends lock the totals rows in the same order); a group no trajectory is in any more goes, as a
    // rebuild would not write it. One trigger per kind of statement, as
    // PostgreSQL allows transition tables on single-event triggers only.
    for (const [event, transitions, changed] of [
      ['insert', 'NEW TABLE AS sums_new', 'SELECT 1 AS sign, * FROM sums_new'],
      [
        'update',
        'NEW TABLE AS sums_new OLD TABLE AS sums_old',
        'SELECT 1 AS sign, * FROM sums_new UNION ALL SELECT -1, * FROM sums_old',
      ],
      ['delete', 'OLD TABLE AS sums_old', 'SELECT -1 AS sign, * FROM sums_old'],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION participation_hour_totals_on_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO participation_hour_totals AS total
            (agency, residence, municipality, kind, hours, activities, trajectories)
          SELECT agency, residence, municipality, kind, sum(sign * hours), sum(sign * activities), sum(sign)
            FROM (${changed}) changed
           GROUP BY agency, residence, municipality, kind
           ORDER BY municipality, kind, agency, residence
          ON CONFLICT (municipality, kind, agency, residence) DO UPDATE
            SET hours = total.hours + EXCLUDED.hours,
                activities = total.activities + EXCLUDED.activities,
                trajectories = total.trajectories + EXCLUDED.trajectories;
          ${event === 'insert' ? '' : 'DELETE FROM participation_hour_totals WHERE trajectories = 0;'}
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER participation_hour_totals_${event} AFTER ${event.toUpperCase()} ON participation_hour_sums
         REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION participation_hour_totals_on_${event}()`,
      );
    }
    // The rebuild truncates the read models: the totals go with them. The recount sums the rows afresh (after a
    // bulk copy with triggers off).
    await queryRunner.query(`
      CREATE FUNCTION participation_hour_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM participation_hour_totals;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER participation_hour_totals_truncate AFTER TRUNCATE ON participation_hour_sums
       FOR EACH STATEMENT EXECUTE FUNCTION participation_hour_totals_clear()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION participation_hour_totals_recount() RETURNS void LANGUAGE sql AS $$
        DELETE FROM participation_hour_totals;
        INSERT INTO participation_hour_totals
        SELECT agency, residence, municipality, kind, sum(hours), sum(activities), count(*)
          FROM participation_hour_sums GROUP BY agency, residence, municipality, kind;
      $$`);
    // The rows the projection writes for the activities already logged (a rebuild writes the same).
    await queryRunner.query(`
      INSERT INTO participation_hour_sums
      SELECT activity.trajectory_id, activity.municipality, activity.kind, summary.agency, summary.municipality,
             sum(activity.hours), count(*)
        FROM participation_activities activity
        JOIN trajectory_summaries summary ON summary.trajectory_id = activity.trajectory_id
       GROUP BY activity.trajectory_id, activity.municipality, activity.kind, summary.agency, summary.municipality`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE participation_hour_sums, participation_hour_totals');
    await queryRunner.query(`DROP FUNCTION participation_hour_totals_on_insert(), participation_hour_totals_on_update(),
      participation_hour_totals_on_delete(), participation_hour_totals_clear(), participation_hour_totals_recount()`);
  }
}
