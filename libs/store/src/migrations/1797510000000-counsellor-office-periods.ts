import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Office membership over time (issue 9: figures as of a day count a counsellor's cases in the office they belonged
 * to on that day, not today's). One row per period a counsellor belonged to an office; `until_at` NULL while they
 * still do. The current memberships start at '-infinity': when they began was not recorded before this table.
 */
export class CounsellorOfficePeriods1797510000000 implements MigrationInterface {
  name = 'CounsellorOfficePeriods1797510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE counsellor_office_periods (
        counsellor_id text NOT NULL,
        office_id     text NOT NULL REFERENCES offices (office_id),
        from_at       timestamptz NOT NULL,
        until_at      timestamptz,
        CONSTRAINT counsellor_office_periods_pkey PRIMARY KEY (counsellor_id, from_at),
        CONSTRAINT counsellor_office_periods_order CHECK (until_at IS NULL OR until_at >= from_at)
      )`);
    await queryRunner.query(`
      INSERT INTO counsellor_office_periods (counsellor_id, office_id, from_at)
      SELECT counsellor_id, office_id, '-infinity' FROM counsellor_offices`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE counsellor_office_periods`);
  }
}
