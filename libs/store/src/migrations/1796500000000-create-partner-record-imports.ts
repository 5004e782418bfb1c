import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files of the other partners coming in (issue 8 §3): a municipality's participation activities and a test
 * centre's enrolments, attendance and test results, staged row by row on upload with the sender's scope, and each
 * row's single outcome. A row keeps its fields as received (the problem-row report) and the command it became.
 */
export class CreatePartnerRecordImports1796500000000 implements MigrationInterface {
  name = 'CreatePartnerRecordImports1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_record_imports (
        import_id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PARTICIPATION_ACTIVITIES', 'COURSE_RECORDS')),
        organisation text NOT NULL,
        sender jsonb NOT NULL,
        scope jsonb NOT NULL,
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
    // The same file (same sender, same kind, same bytes) is imported once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX partner_record_imports_content_key
         ON partner_record_imports (organisation, kind, content_hash)`,
    );
    await queryRunner.query(`
      CREATE TABLE partner_record_import_rows (
        import_id uuid NOT NULL REFERENCES partner_record_imports (import_id),
        row_number integer NOT NULL,
        national_number text,
        fields jsonb,
        command jsonb,
        problems jsonb,
        outcome text CHECK (outcome IN ('APPLIED', 'ALREADY_APPLIED', 'CONFLICT', 'UNMATCHED', 'INVALID')),
        reason text,
        trajectory_id text,
        processed_at timestamptz,
        PRIMARY KEY (import_id, row_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX partner_record_import_rows_pending_idx ON partner_record_import_rows (import_id, row_number)
         WHERE outcome IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partner_record_import_rows`);
    await queryRunner.query(`DROP TABLE partner_record_imports`);
  }
}
