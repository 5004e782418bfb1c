import { MigrationInterface, QueryRunner } from 'typeorm';

/** An exemption granted later (after the target group was settled) carries the day it was granted. */
export class AddExemptionGrantedOn1795373029835 implements MigrationInterface {
  name = 'AddExemptionGrantedOn1795373029835';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE trajectory_summaries ADD COLUMN exemption_granted_on date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE trajectory_summaries DROP COLUMN exemption_granted_on`);
  }
}
