import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pillar's reason is its wording key and parameters; the English text is written from them when the trajectory is
 * read (the domain's applicabilityReasonOf), so the pillars' rows keep a text only for pillars determined before the
 * keys. Rows written before keep theirs until an append rewrites them or `npm run rebuild` rebuilds them.
 */
export class PillarReasonTextOptional1799300000000 implements MigrationInterface {
  name = 'PillarReasonTextOptional1799300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pillars ALTER COLUMN applicability_reason DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The text of each keyed row is not stored; a rebuild by the code of that version writes it again.
    await queryRunner.query(
      `UPDATE pillars SET applicability_reason = '' WHERE applicability_reason IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE pillars ALTER COLUMN applicability_reason SET NOT NULL`);
  }
}
