import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's caseload file uploaded through the API (issue 7 §2, bulk opening): staged row by row as received,
 * then opened by a durable import workflow, each row with one outcome (OPENED, ALREADY_OPENED, INVALID, REFUSED,
 * CONFLICT). A row keeps its fields as received until it is opened; the problem-row report names fields and reasons.
 */
export class CreateCaseloadImports1798800000000 implements MigrationInterface {
  name = 'CreateCaseloadImports1798800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE caseload_imports (
        import_id uuid PRIMARY KEY,
        agency text NOT NULL,
        format text NOT NULL CHECK (format IN ('CSV', 'JSONL')),
        file_name text,
        content_hash text NOT NULL,
        uploaded_by text NOT NULL,
        uploader_role text NOT NULL,
        status text NOT NULL CHECK (status IN ('STAGED', 'RUNNING', 'COMPLETED')),
        total_rows integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    // The same file (same agency, same bytes) is imported once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX caseload_imports_content_key ON caseload_imports (agency, content_hash)`,
    );
    await queryRunner.query(`
      CREATE TABLE caseload_import_rows (
        import_id uuid NOT NULL REFERENCES caseload_imports (import_id),
        row_number integer NOT NULL,
        fields jsonb,
        problems jsonb,
        outcome text CHECK (outcome IN ('OPENED', 'ALREADY_OPENED', 'INVALID', 'REFUSED', 'CONFLICT')),
        trajectory_id text,
        processed_at timestamptz,
        PRIMARY KEY (import_id, row_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX caseload_import_rows_pending_idx ON caseload_import_rows (import_id, row_number)
         WHERE outcome IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE caseload_import_rows`);
    await queryRunner.query(`DROP TABLE caseload_imports`);
  }
}
