import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-model columns for suspension (opschorting) and fine decisions on violation files; a suspended trajectory is
 * not closed, so "the person's open trajectory" and caseloads now mean "not closed".
 */
export class AddSuspensionAndFineDecisions1795373029832 implements MigrationInterface {
  name = 'AddSuspensionAndFineDecisions1795373029832';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        ADD COLUMN suspension_reason text,
        ADD COLUMN suspended_from    date`);
    await queryRunner.query(`DROP INDEX trajectory_summaries_open_national_number_idx`);
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_active_national_number_idx ON trajectory_summaries (national_number) WHERE status <> 'CLOSED'`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_active_counsellor_idx ON trajectory_summaries (counsellor_id) WHERE status <> 'CLOSED'`,
    );

    await queryRunner.query(`
      ALTER TABLE violations
        ADD COLUMN decision             text,
        ADD COLUMN amount_euro          integer,
        ADD COLUMN decided_on           date,
        ADD COLUMN decision_explanation text,
        ADD CONSTRAINT violations_amount_euro_positive CHECK (amount_euro IS NULL OR amount_euro > 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE violations
        DROP CONSTRAINT violations_amount_euro_positive,
        DROP COLUMN decision_explanation,
        DROP COLUMN decided_on,
        DROP COLUMN amount_euro,
        DROP COLUMN decision`);
    await queryRunner.query(`DROP INDEX trajectory_summaries_active_counsellor_idx`);
    await queryRunner.query(`DROP INDEX trajectory_summaries_active_national_number_idx`);
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_open_national_number_idx ON trajectory_summaries (national_number) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(`
      ALTER TABLE trajectory_summaries
        DROP COLUMN suspended_from,
        DROP COLUMN suspension_reason`);
  }
}
