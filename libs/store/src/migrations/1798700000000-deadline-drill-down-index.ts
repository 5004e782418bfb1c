import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitoring drill-down (`cases?bucket=overdue`, dueWithin7/30) pages the running, unfulfilled deadlines of an
 * agency by due date: an index in the page's order, on just those rows, lets each agency's scan stop at the page
 * instead of filtering and sorting every missed-but-open deadline (deadline-monitoring.ts `cases`).
 */
export class DeadlineDrillDownIndex1798700000000 implements MigrationInterface {
  name = 'DeadlineDrillDownIndex1798700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX deadlines_running_unfulfilled_page_idx
          ON deadlines (agency, due_on, trajectory_id, deadline_id)
       WHERE fulfilled_on IS NULL AND state IN ('OPEN', 'MET', 'MISSED')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deadlines_running_unfulfilled_page_idx`);
  }
}
