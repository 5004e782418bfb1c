import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: why a pillar applies, as a wording key and its parameters (PILLAR_REASON_KEYS in the domain), so that the
 * web application shows it in the reader's language. Rows of trajectories whose pillars were determined before the
 * key existed keep NULL (the English reason stays) until their events say more.
 */
export class PillarReasonKeys1797900000000 implements MigrationInterface {
  name = 'PillarReasonKeys1797900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pillars ADD COLUMN applicability_reason_key text`);
    await queryRunner.query(`ALTER TABLE pillars ADD COLUMN applicability_reason_params jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pillars DROP COLUMN applicability_reason_params`);
    await queryRunner.query(`ALTER TABLE pillars DROP COLUMN applicability_reason_key`);
  }
}
