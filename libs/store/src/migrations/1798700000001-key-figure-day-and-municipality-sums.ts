import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more sums of the key figures' read models (summed-read-models.ts: kept by the append, recomputed by a
 * rebuild): `key_figure_sums_by_day`, the contributions per cohort day and agency, for the days of a period outside
 * its whole months (a few rows per day instead of every contribution); `open_cases_by_municipality` and
 * `open_case_changes_by_municipality`, the open-case changes per municipality and counsellor (now, and per month
 * of the change), so that the open cases per counsellor by municipality are read like those by agency instead of
 * counted from the facts. Existing rows are summed from the read models, as a rebuild sums them.
 */
export class KeyFigureDayAndMunicipalitySums1798700000001 implements MigrationInterface {
  name = 'KeyFigureDayAndMunicipalitySums1798700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE key_figure_sums_by_day (
        cohort_on           date NOT NULL,
        agency              text NOT NULL,
        figure_id           text NOT NULL,
        value               integer,
        selected            bigint NOT NULL,
        known               bigint NOT NULL,
        matching_hundredths bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX key_figure_sums_by_day_key
          ON key_figure_sums_by_day (cohort_on, agency, figure_id, value) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO key_figure_sums_by_day
      SELECT cohort_on, agency, figure_id, value, sum(selected), sum(known), sum(matching_hundredths)
        FROM key_figure_contributions
       GROUP BY cohort_on, agency, figure_id, value
      HAVING sum(selected) <> 0 OR sum(known) <> 0 OR sum(matching_hundredths) <> 0`);
    await queryRunner.query(`
      CREATE TABLE open_cases_by_municipality (
        agency text NOT NULL, municipality text NOT NULL, counsellor_id text, open bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX open_cases_by_municipality_key
          ON open_cases_by_municipality (agency, municipality, counsellor_id) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO open_cases_by_municipality
      SELECT agency, municipality, counsellor_id, sum(open) FROM open_case_changes
       GROUP BY agency, municipality, counsellor_id HAVING sum(open) <> 0`);
    await queryRunner.query(`
      CREATE TABLE open_case_changes_by_municipality (
        changed_month date NOT NULL, agency text NOT NULL, municipality text NOT NULL, counsellor_id text,
        open bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX open_case_changes_by_municipality_key
          ON open_case_changes_by_municipality (changed_month, agency, municipality, counsellor_id) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO open_case_changes_by_municipality
      SELECT changed_month, agency, municipality, counsellor_id, sum(open) FROM open_case_changes
       GROUP BY changed_month, agency, municipality, counsellor_id HAVING sum(open) <> 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE open_case_changes_by_municipality, open_cases_by_municipality, key_figure_sums_by_day',
    );
  }
}
