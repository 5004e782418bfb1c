import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload's attention groups (overdue, due soon, waiting for me, on track; libs/domain caseload/attention) are
 * read as ranges of the caseload indexes. The stored attention_rank 2 ("neither an open violation nor a missed
 * deadline") is split: 2 for an open trajectory whose counsellor has the intake or the contract to record, 3 for the
 * others, so that "waiting for me" and "on track" are ranges too instead of filters over every case of an agency.
 */
export class CaseloadWaitingRank1799500000000 implements MigrationInterface {
  name = 'CaseloadWaitingRank1799500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE trajectory_summaries SET attention_rank = 3
       WHERE attention_rank = 2 AND NOT (status = 'OPEN' AND phase IN ('REGISTERED', 'INTAKE_DONE'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE trajectory_summaries SET attention_rank = 2 WHERE attention_rank = 3`);
  }
}
