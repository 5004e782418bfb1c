import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A newcomer has at most one trajectory that is not closed. The API checks this before it opens one, but two
 * requests can pass that check together; this index makes the second append fail inside its transaction.
 */
export class OneActiveTrajectoryPerNewcomer1795373029834 implements MigrationInterface {
  name = 'OneActiveTrajectoryPerNewcomer1795373029834';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX trajectory_summaries_active_national_number_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX trajectory_summaries_one_active_per_newcomer ON trajectory_summaries (national_number) WHERE status <> 'CLOSED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX trajectory_summaries_one_active_per_newcomer`);
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_active_national_number_idx ON trajectory_summaries (national_number) WHERE status <> 'CLOSED'`,
    );
  }
}
