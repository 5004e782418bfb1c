import { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = ['selected', 'known', 'matching_hundredths'];
const YEAR_OF = (date: string) => `make_date(extract(year FROM ${date})::int, 1, 1)`;

/**
 * The function the trigger on counsellor_offices calls when a counsellor is placed in, moved to or taken out of an
 * office (migration KeyFigureSumsByOffice1798700000002): moves the counsellor's sums from the previous office to the
 * new one, per cohort month and, `withYears`, per cohort year too.
 */
function followOfficeFunction(withYears: boolean): string {
  const move = (table: string, period: string, periodOf: string) => `
        INSERT INTO ${table} AS total
               (${period}, agency, office_id, figure_id, value, ${MEASURES.join(', ')})
        SELECT ${periodOf}, s.agency, moved.office_id, s.figure_id, s.value,
               ${MEASURES.map((measure) => `sum(moved.sign * s.${measure})`).join(', ')}
          FROM key_figure_sums_by_counsellor s
         CROSS JOIN (VALUES (from_office, -1), (to_office, 1)) AS moved(office_id, sign)
         WHERE s.counsellor_id = counsellor
         GROUP BY ${periodOf}, s.agency, moved.office_id, s.figure_id, s.value
         ORDER BY ${periodOf}, s.agency, moved.office_id, s.figure_id, s.value
        ON CONFLICT (${period}, agency, office_id, figure_id, value) DO UPDATE
           SET ${MEASURES.map((measure) => `${measure} = total.${measure} + EXCLUDED.${measure}`).join(', ')};
        DELETE FROM ${table}
         WHERE office_id IS NOT DISTINCT FROM from_office
           AND ${MEASURES.map((measure) => `${measure} = 0`).join(' AND ')};`;
  return `
      CREATE OR REPLACE FUNCTION key_figure_sums_follow_office(counsellor text, from_office text, to_office text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF counsellor IS NULL OR from_office IS NOT DISTINCT FROM to_office THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(hashtext('counsellor-office:' || counsellor));
        ${move('key_figure_sums_by_office', 'cohort_month', 's.cohort_month')}
        ${withYears ? move('key_figure_yearly_sums_by_office', 'cohort_year', YEAR_OF('s.cohort_month')) : ''}
      END $$`;
}

/**
 * Key figures for whole calendar years (issue 9, speed): a year by municipality read about 52,000 rows of sums per
 * cohort month, by office 27,000, and the open cases at the end of a past year every month's changes since. The
 * contributions and open-case changes get their year (`cohort_year`, `changed_year`: the first of January, like the
 * month's first day), and four more sums (summed-read-models.ts: kept by the append, recomputed by a rebuild): the
 * contributions per cohort year by municipality and by office (the office moved with its counsellor, as per month:
 * the trigger's function moves both), the open-case changes per year by counsellor and by municipality and counsellor.
 * Existing rows: the years computed from the days (a generated column turned into a plain one: one rewrite of each
 * table), the yearly sums summed from the monthly ones (the same sums as from the contributions).
 */
export class KeyFigureYearlySums1798900000000 implements MigrationInterface {
  name = 'KeyFigureYearlySums1798900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, year, day] of [
      ['key_figure_contributions', 'cohort_year', 'cohort_on'],
      ['open_case_changes', 'changed_year', 'changed_on'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN ${year} date GENERATED ALWAYS AS (${YEAR_OF(day)}) STORED`,
      );
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${year} DROP EXPRESSION`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${year} SET NOT NULL`);
    }
    for (const [by, group] of [
      ['municipality', 'municipality text NOT NULL'],
      ['office', 'office_id text'],
    ]) {
      const column = group.split(' ')[0];
      await queryRunner.query(`
        CREATE TABLE key_figure_yearly_sums_by_${by} (
          cohort_year         date NOT NULL,
          agency              text NOT NULL,
          ${group},
          figure_id           text NOT NULL,
          value               integer,
          selected            bigint NOT NULL,
          known               bigint NOT NULL,
          matching_hundredths bigint NOT NULL
        )`);
      await queryRunner.query(`
        CREATE UNIQUE INDEX key_figure_yearly_sums_by_${by}_key
            ON key_figure_yearly_sums_by_${by} (cohort_year, agency, ${column}, figure_id, value) NULLS NOT DISTINCT`);
      await queryRunner.query(`
        INSERT INTO key_figure_yearly_sums_by_${by}
        SELECT ${YEAR_OF('cohort_month')}, agency, ${column}, figure_id, value,
               ${MEASURES.map((measure) => `sum(${measure})`).join(', ')}
          FROM key_figure_sums_by_${by}
         GROUP BY 1, agency, ${column}, figure_id, value
        HAVING ${MEASURES.map((measure) => `sum(${measure}) <> 0`).join(' OR ')}`);
    }
    await queryRunner.query(followOfficeFunction(true));
    for (const [by, group] of [
      ['counsellor', ''],
      ['municipality', 'municipality'],
    ]) {
      await queryRunner.query(`
        CREATE TABLE open_case_yearly_changes_by_${by} (
          changed_year date NOT NULL, agency text NOT NULL, ${group ? `${group} text NOT NULL, ` : ''}counsellor_id text,
          open bigint NOT NULL)`);
      await queryRunner.query(`
        CREATE UNIQUE INDEX open_case_yearly_changes_by_${by}_key
            ON open_case_yearly_changes_by_${by} (changed_year, agency, ${group ? `${group}, ` : ''}counsellor_id)
               NULLS NOT DISTINCT`);
      await queryRunner.query(`
        INSERT INTO open_case_yearly_changes_by_${by}
        SELECT ${YEAR_OF('changed_month')}, agency, ${group ? `${group}, ` : ''}counsellor_id, sum(open)
          FROM open_case_changes_by_${by}
         GROUP BY 1, agency, ${group ? `${group}, ` : ''}counsellor_id HAVING sum(open) <> 0`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(followOfficeFunction(false));
    await queryRunner.query(
      `DROP TABLE open_case_yearly_changes_by_municipality, open_case_yearly_changes_by_counsellor,
                  key_figure_yearly_sums_by_office, key_figure_yearly_sums_by_municipality`,
    );
    await queryRunner.query('ALTER TABLE open_case_changes DROP COLUMN changed_year');
    await queryRunner.query('ALTER TABLE key_figure_contributions DROP COLUMN cohort_year');
  }
}
