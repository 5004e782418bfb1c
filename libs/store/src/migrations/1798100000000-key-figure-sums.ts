import { MigrationInterface, QueryRunner } from 'typeorm';
import { keyFigureContributionsSql, openCaseChangesSql } from '../key-figures/contribution-sql';

const GROUPINGS = {
  agency: '',
  municipality: 'municipality text NOT NULL,',
  counsellor: 'counsellor_id text,',
} as const;

/**
 * Key figures pre-aggregated (issue 9, speed). `key_figure_contributions`: what each fact adds to each summable
 * figure (a read model, mapped from the folded state by the domain's `contributionOf`); `key_figure_sums_by_*`: their
 * sums per cohort month and group, kept by the append and recomputed by a rebuild (summed-read-models.ts). A group
 * may hold nulls (no counsellor; no value but for a median), hence NULLS NOT DISTINCT. Existing rows are computed from
 * the read models of the facts, by SQL generated from the same definitions; a rebuild writes the same values.
 */
export class KeyFigureSums1798100000000 implements MigrationInterface {
  name = 'KeyFigureSums1798100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE key_figure_contributions (
        trajectory_id       text NOT NULL,
        figure_id           text NOT NULL,
        item                text NOT NULL,
        cohort_on           date NOT NULL,
        cohort_month        date NOT NULL,
        agency              text NOT NULL,
        municipality        text NOT NULL,
        counsellor_id       text,
        value               integer,
        selected            integer NOT NULL,
        known               integer NOT NULL,
        matching_hundredths integer NOT NULL,
        CONSTRAINT key_figure_contributions_pkey PRIMARY KEY (trajectory_id, figure_id, item)
      )`);
    // The SQL names its columns; this table has them but the cohort year (added by KeyFigureYearlySums1798900000000).
    await queryRunner.query(`
      INSERT INTO key_figure_contributions
      SELECT trajectory_id, figure_id, item, cohort_on, cohort_month, agency, municipality, counsellor_id, value,
             selected, known, matching_hundredths
        FROM (${keyFigureContributionsSql()}) c`);
    await queryRunner.query(`
      CREATE INDEX key_figure_contributions_cohort_on_idx ON key_figure_contributions (cohort_on, agency)`);
    for (const [by, column] of Object.entries(GROUPINGS)) {
      const group = column ? `${column.split(' ')[0]}, ` : '';
      await queryRunner.query(`
        CREATE TABLE key_figure_sums_by_${by} (
          cohort_month        date NOT NULL,
          agency              text NOT NULL,
          ${column}
          figure_id           text NOT NULL,
          value               integer,
          selected            bigint NOT NULL,
          known               bigint NOT NULL,
          matching_hundredths bigint NOT NULL
        )`);
      await queryRunner.query(`
        CREATE UNIQUE INDEX key_figure_sums_by_${by}_key
            ON key_figure_sums_by_${by} (cohort_month, agency, ${group}figure_id, value) NULLS NOT DISTINCT`);
      await queryRunner.query(`
        INSERT INTO key_figure_sums_by_${by}
        SELECT cohort_month, agency, ${group}figure_id, value, sum(selected), sum(known), sum(matching_hundredths)
          FROM key_figure_contributions
         GROUP BY cohort_month, agency, ${group}figure_id, value`);
    }
    // The open cases at a period's end: the days each trajectory becomes and stops being open, summed per
    // counsellor (now) and per month of the change.
    await queryRunner.query(`
      CREATE TABLE open_case_changes (
        trajectory_id text NOT NULL,
        change        text NOT NULL,
        changed_on    date NOT NULL,
        changed_month date NOT NULL,
        agency        text NOT NULL,
        municipality  text NOT NULL,
        counsellor_id text,
        open          integer NOT NULL,
        CONSTRAINT open_case_changes_pkey PRIMARY KEY (trajectory_id, change)
      )`);
    await queryRunner.query(`
      INSERT INTO open_case_changes
      SELECT trajectory_id, change, changed_on, changed_month, agency, municipality, counsellor_id, open
        FROM (${openCaseChangesSql()}) c`);
    await queryRunner.query(
      `CREATE INDEX open_case_changes_changed_on_idx ON open_case_changes (changed_on, agency)`,
    );
    await queryRunner.query(`
      CREATE TABLE open_cases_by_counsellor (agency text NOT NULL, counsellor_id text, open bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX open_cases_by_counsellor_key
          ON open_cases_by_counsellor (agency, counsellor_id) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO open_cases_by_counsellor
      SELECT agency, counsellor_id, sum(open) FROM open_case_changes
       GROUP BY agency, counsellor_id HAVING sum(open) <> 0`);
    await queryRunner.query(`
      CREATE TABLE open_case_changes_by_counsellor (
        changed_month date NOT NULL, agency text NOT NULL, counsellor_id text, open bigint NOT NULL)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX open_case_changes_by_counsellor_key
          ON open_case_changes_by_counsellor (changed_month, agency, counsellor_id) NULLS NOT DISTINCT`);
    await queryRunner.query(`
      INSERT INTO open_case_changes_by_counsellor
      SELECT changed_month, agency, counsellor_id, sum(open) FROM open_case_changes
       GROUP BY changed_month, agency, counsellor_id HAVING sum(open) <> 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE open_case_changes_by_counsellor, open_cases_by_counsellor, open_case_changes',
    );
    for (const by of Object.keys(GROUPINGS)) await queryRunner.query(`DROP TABLE key_figure_sums_by_${by}`);
    await queryRunner.query(`DROP TABLE key_figure_contributions`);
  }
}
