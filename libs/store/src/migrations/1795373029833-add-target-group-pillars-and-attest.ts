import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for the target group, the intake profile, the four pillars (one row per trajectory and pillar), the
 * participation activities municipalities report on, and the attest. Statuses, kinds and applicabilities are plain
 * text without CHECKs, like the existing deadline and violation columns, so that new domain values need no migration.
 */
export class AddTargetGroupPillarsAndAttest1795373029833 implements MigrationInterface {
  name = 'AddTargetGroupPillarsAndAttest1795373029833';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        ADD COLUMN target_group_status          text,
        ADD COLUMN target_group_derived_status  text,
        ADD COLUMN target_group_rule_id         text,
        ADD COLUMN exemption_reason             text,
        ADD COLUMN target_group_override_reason text,
        ADD COLUMN intake_profile               jsonb,
        ADD COLUMN attest_number                text,
        ADD COLUMN attest_issued_on             date,
        ADD COLUMN attest_conditions            jsonb`);
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_attest_number_idx ON trajectory_summaries (attest_number) WHERE attest_number IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE pillars (
        trajectory_id        text         NOT NULL,
        pillar               text         NOT NULL,
        applicability        text         NOT NULL,
        applicability_reason text         NOT NULL,
        status               text         NOT NULL,
        completed_on         date,
        completion_condition text,
        waived_on            date,
        waiver_reason        text,
        target_level         text,
        target_hours         numeric(7,2),
        hours                numeric(7,2),
        details              jsonb        NOT NULL,
        CONSTRAINT pillars_pkey PRIMARY KEY (trajectory_id, pillar),
        CONSTRAINT pillars_hours_not_negative CHECK (hours IS NULL OR hours >= 0),
        CONSTRAINT pillars_target_hours_not_negative CHECK (target_hours IS NULL OR target_hours >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE participation_activities (
        trajectory_id         text         NOT NULL,
        activity_id           text         NOT NULL,
        kind                  text         NOT NULL,
        hours                 numeric(7,2) NOT NULL,
        started_on            date         NOT NULL,
        ended_on              date         NOT NULL,
        organisation          text         NOT NULL,
        municipality          text         NOT NULL,
        participant_feedback  text,
        organisation_feedback text,
        CONSTRAINT participation_activities_pkey PRIMARY KEY (trajectory_id, activity_id),
        CONSTRAINT participation_activities_hours_positive CHECK (hours > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX participation_activities_municipality_ended_on_idx ON participation_activities (municipality, ended_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX participation_activities_ended_on_idx ON participation_activities (ended_on)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE participation_activities`);
    await queryRunner.query(`DROP TABLE pillars`);
    await queryRunner.query(`DROP INDEX trajectory_summaries_attest_number_idx`);
    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        DROP COLUMN attest_conditions,
        DROP COLUMN attest_issued_on,
        DROP COLUMN attest_number,
        DROP COLUMN intake_profile,
        DROP COLUMN target_group_override_reason,
        DROP COLUMN exemption_reason,
        DROP COLUMN target_group_rule_id,
        DROP COLUMN target_group_derived_status,
        DROP COLUMN target_group_status`);
  }
}
