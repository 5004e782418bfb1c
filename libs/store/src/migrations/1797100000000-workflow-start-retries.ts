import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workflow start that failed (Temporal unreachable, say) is tried again after a back-off instead of at once, so
 * one failing trajectory does not hold the starter; NULL: due now.
 */
export class WorkflowStartRetries1797100000000 implements MigrationInterface {
  name = 'WorkflowStartRetries1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE pending_workflow_starts ADD COLUMN next_attempt_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE pending_workflow_starts DROP COLUMN next_attempt_at');
  }
}
