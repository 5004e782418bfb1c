import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration the trajectory's own rules refused keeps their refusal in the reconciliation queue (its reason's
 * key and parameters, as a row problem), so that a mediator reads it in Dutch; `reason` keeps the English.
 */
export class ReconciliationRefusal1799600000000 implements MigrationInterface {
  name = 'ReconciliationRefusal1799600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE registration_reconciliation ADD COLUMN refusal jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE registration_reconciliation DROP COLUMN refusal`);
  }
}
