import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §3: the caseload search costs its page at a million persons. By national number: an index on every
 * summary (the one-active-per-newcomer index holds open trajectories only, the search finds closed ones too). By
 * name: trigram indexes on both name orders the search compares (`LIKE '%text%'`), for a rare name, and an index in
 * the search's order, for a common one (read in order, it stops at the page).
 */
export class TrajectorySearchIndexes1797600000001 implements MigrationInterface {
  name = 'TrajectorySearchIndexes1797600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      'CREATE INDEX trajectory_summaries_national_number_idx ON trajectory_summaries (national_number)',
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_name_trgm_idx ON trajectory_summaries USING gin (
         (lower(given_name || ' ' || family_name)) gin_trgm_ops, (lower(family_name || ' ' || given_name)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX trajectory_summaries_search_order_idx
         ON trajectory_summaries ((status = 'CLOSED'), family_name, given_name, trajectory_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX trajectory_summaries_search_order_idx, trajectory_summaries_name_trgm_idx,
      trajectory_summaries_national_number_idx`);
  }
}
