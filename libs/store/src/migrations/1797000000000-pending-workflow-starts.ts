import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §2. Trajectories whose events were written in bulk (an agency's caseload moved onto the system, a yearly
 * intake) or whose workflow must be restarted from the legal record wait here for their workflow. The worker's
 * starter takes them in the order of their next deadline (`due_at`, NULL last), so the nearest deadline is timed
 * first; a command sent meanwhile starts the workflow itself (from the stream) and removes the row.
 */
export class PendingWorkflowStarts1797000000000 implements MigrationInterface {
  name = 'PendingWorkflowStarts1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pending_workflow_starts (
        trajectory_id text PRIMARY KEY,
        due_at timestamptz,
        reason text NOT NULL CHECK (reason IN ('BULK_OPENING', 'RECOVERY')),
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      `CREATE INDEX pending_workflow_starts_due ON pending_workflow_starts (due_at ASC NULLS LAST, trajectory_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pending_workflow_starts');
  }
}
