import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §3: the participation-hours report for a period costs its months, not the period's activities.
 * participation_hour_days is a read model (a trajectory's hours per coordinating municipality, kind and end day, with
 * the previous such day, written by its projection); participation_hour_months holds their sums per municipality,
 * kind, agency, residence, month and month of the previous day, kept by statement triggers in the projection's
 * transaction as participation_hour_totals is. A period reads its whole months here and its edge days from the days
 * (libs/store/src/queries/participation-hours-period.ts). The previous day's month makes the count of distinct
 * trajectories exact: a trajectory is counted on its first day in the period, the one whose previous day lies
 * before the period (or has none).
 */
export class ParticipationHourMonths1798400000001 implements MigrationInterface {
  name = 'ParticipationHourMonths1798400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE participation_hour_days (
        trajectory_id text NOT NULL,
        municipality text NOT NULL,
        kind text NOT NULL,
        day date NOT NULL,
        previous_day date,
        agency text NOT NULL,
        residence text NOT NULL,
        hours numeric(9,2) NOT NULL,
        activities integer NOT NULL,
        CONSTRAINT participation_hour_days_pkey PRIMARY KEY (trajectory_id, municipality, kind, day)
      )`);
    // The edge days of a period, and the days whose previous day lies in the period's first (partial) month.
    await queryRunner.query(`
      CREATE INDEX participation_hour_days_day_idx ON participation_hour_days (municipality, day)
        INCLUDE (kind, agency, residence, previous_day, hours, activities)`);
    await queryRunner.query(`
      CREATE INDEX participation_hour_days_previous_day_idx ON participation_hour_days (municipality, previous_day)
        INCLUDE (kind, agency, residence, day)`);
    // previous_month is -infinity for a trajectory's first day (a key column cannot be null).
    await queryRunner.query(`
      CREATE TABLE participation_hour_months (
        municipality text NOT NULL,
        kind text NOT NULL,
        agency text NOT NULL,
        residence text NOT NULL,
        month date NOT NULL,
        previous_month date NOT NULL,
        hours numeric(12,2) NOT NULL,
        activities bigint NOT NULL,
        days bigint NOT NULL,
        CONSTRAINT participation_hour_months_pkey
          PRIMARY KEY (municipality, month, kind, agency, residence, previous_month)
      )`);
    const month = `date_trunc('month', day)::date`;
    const previousMonth = `coalesce(date_trunc('month', previous_day)::date, '-infinity'::date)`;
    for (const [event, transitions, changed] of [
      ['insert', 'NEW TABLE AS days_new', 'SELECT 1 AS sign, * FROM days_new'],
      [
        'update',
        'NEW TABLE AS days_new OLD TABLE AS days_old',
        'SELECT 1 AS sign, * FROM days_new UNION ALL SELECT -1, * FROM days_old',
      ],
      ['delete', 'OLD TABLE AS days_old', 'SELECT -1 AS sign, * FROM days_old'],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION participation_hour_months_on_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO participation_hour_months AS total
            (municipality, month, kind, agency, residence, previous_month, hours, activities, days)
          SELECT municipality, ${month}, kind, agency, residence, ${previousMonth},
                 sum(sign * hours), sum(sign * activities), sum(sign)
            FROM (${changed}) changed
           GROUP BY 1, 2, 3, 4, 5, 6
           ORDER BY 1, 2, 3, 4, 5, 6
          ON CONFLICT (municipality, month, kind, agency, residence, previous_month) DO UPDATE
            SET hours = total.hours + EXCLUDED.hours,
                activities = total.activities + EXCLUDED.activities,
                days = total.days + EXCLUDED.days;
          ${event === 'insert' ? '' : 'DELETE FROM participation_hour_months WHERE days = 0;'}
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER participation_hour_months_${event} AFTER ${event.toUpperCase()} ON participation_hour_days
         REFERENCING ${transitions} FOR EACH STATEMENT EXECUTE FUNCTION participation_hour_months_on_${event}()`,
      );
    }
    await queryRunner.query(`
      CREATE FUNCTION participation_hour_months_clear() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM participation_hour_months;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER participation_hour_months_truncate AFTER TRUNCATE ON participation_hour_days
       FOR EACH STATEMENT EXECUTE FUNCTION participation_hour_months_clear()`,
    );
    // After a bulk copy with triggers off.
    await queryRunner.query(`
      CREATE FUNCTION participation_hour_months_recount() RETURNS void LANGUAGE sql AS $$
        DELETE FROM participation_hour_months;
        INSERT INTO participation_hour_months
          (municipality, month, kind, agency, residence, previous_month, hours, activities, days)
        SELECT municipality, ${month}, kind, agency, residence, ${previousMonth}, sum(hours), sum(activities), count(*)
          FROM participation_hour_days GROUP BY 1, 2, 3, 4, 5, 6;
      $$`);
    // The rows the projection writes for the activities already logged (a rebuild writes the same); the insert
    // trigger sums them into the months.
    await queryRunner.query(`
      INSERT INTO participation_hour_days
      SELECT trajectory_id, municipality, kind, day,
             lag(day) OVER (PARTITION BY trajectory_id, municipality, kind ORDER BY day), agency, residence, hours,
             activities
        FROM (SELECT activity.trajectory_id, activity.municipality, activity.kind, activity.ended_on AS day,
                     summary.agency, summary.municipality AS residence, sum(activity.hours) AS hours,
                     count(*) AS activities
                FROM participation_activities activity
                JOIN trajectory_summaries summary ON summary.trajectory_id = activity.trajectory_id
               GROUP BY activity.trajectory_id, activity.municipality, activity.kind, activity.ended_on,
                        summary.agency, summary.municipality) days`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE participation_hour_days, participation_hour_months');
    await queryRunner.query(`DROP FUNCTION participation_hour_months_on_insert(), participation_hour_months_on_update(),
      participation_hour_months_on_delete(), participation_hour_months_clear(), participation_hour_months_recount()`);
  }
}
