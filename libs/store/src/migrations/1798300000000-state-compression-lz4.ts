import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 §1: every append rewrites its trajectory's stored state (trajectory_states.state, about 3 KB of jsonb,
 * kept compressed out of line). LZ4 compresses it in a fraction of the time of PostgreSQL's default (pglz), which
 * cut the states' upsert of a 500-trajectory batch by about a quarter. Only new values are compressed this way; a
 * server built without LZ4 keeps pglz (the migration then changes nothing).
 */
export class StateCompressionLz41798300000000 implements MigrationInterface {
  name = 'StateCompressionLz41798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
          ALTER TABLE trajectory_states ALTER COLUMN state SET COMPRESSION lz4;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE trajectory_states ALTER COLUMN state SET COMPRESSION default`);
  }
}
