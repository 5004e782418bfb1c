import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §4 / issue 9 §0 (rebuild at disk speed): the stored states (trajectory_states.state) are written whole and
 * read whole, never queried into with jsonb operators nor compared, so they are stored as `json`: the server checks
 * the text is JSON and keeps it as it is, instead of building jsonb's binary form (writing a rebuild's 93 MB of states
 * took ~1.8 s of the server's CPU as jsonb, ~1.1 s as json). Readers get the same documents. The LZ4 compression of
 * 1798300000000 is set again (a column of a new type keeps none).
 */
export class TrajectoryStatesAsJson1799000000000 implements MigrationInterface {
  name = 'TrajectoryStatesAsJson1799000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE trajectory_states ALTER COLUMN state TYPE json USING state::json`);
    await this.compressWithLz4(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE trajectory_states ALTER COLUMN state TYPE jsonb USING state::jsonb`);
    await this.compressWithLz4(queryRunner);
  }

  private async compressWithLz4(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
          ALTER TABLE trajectory_states ALTER COLUMN state SET COMPRESSION lz4;
        END IF;
      END $$`);
  }
}
