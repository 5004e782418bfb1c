import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner registrations (VDAB, Actiris) coming in: bulk files staged row by row on upload, each row's single
 * outcome, and the reconciliation queue for the conflicts and unmatched registrations counsellors resolve.
 */
export class CreateRegistrationExchange1795373034000 implements MigrationInterface {
  name = 'CreateRegistrationExchange1795373034000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE registration_imports (
        import_id uuid PRIMARY KEY,
        partner text NOT NULL CHECK (partner IN ('VDAB', 'ACTIRIS')),
        format text NOT NULL CHECK (format IN ('CSV', 'JSONL')),
        file_name text,
        content_hash text NOT NULL,
        uploaded_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('STAGED', 'RUNNING', 'COMPLETED')),
        total_rows integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    // The same file (same partner, same bytes) is imported once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX registration_imports_content_key ON registration_imports (partner, content_hash)`,
    );
    await queryRunner.query(`
      CREATE TABLE registration_import_rows (
        import_id uuid NOT NULL REFERENCES registration_imports (import_id),
        row_number integer NOT NULL,
        national_number text,
        trajectory_id text,
        registered_on text,
        office text,
        partner_dossier_id text,
        problems jsonb,
        outcome text CHECK (outcome IN ('LINKED', 'ALREADY_LINKED', 'CONFLICT', 'UNMATCHED', 'INVALID')),
        reason text,
        linked_trajectory_id text,
        processed_at timestamptz,
        PRIMARY KEY (import_id, row_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX registration_import_rows_pending_idx ON registration_import_rows (import_id, row_number)
         WHERE outcome IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE registration_reconciliation (
        item_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id uuid REFERENCES registration_imports (import_id),
        row_number integer,
        partner text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CONFLICT', 'UNMATCHED')),
        reason text NOT NULL,
        national_number text,
        trajectory_id text,
        agency text,
        registered_on date NOT NULL,
        office text NOT NULL,
        partner_dossier_id text NOT NULL,
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'LINKED', 'AUTO_LINKED', 'DISMISSED')),
        resolved_trajectory_id text,
        resolved_by text,
        resolution text,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registration_reconciliation_row_key UNIQUE (import_id, row_number)
      )`);
    // One queue entry per single (non-file) registration, however often the partner sends it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX registration_reconciliation_single_key ON registration_reconciliation
         (partner, partner_dossier_id, registered_on, coalesce(national_number, trajectory_id))
         WHERE import_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX registration_reconciliation_unmatched_idx ON registration_reconciliation (national_number)
         WHERE state = 'OPEN' AND kind = 'UNMATCHED'`,
    );
    await queryRunner.query(
      `CREATE INDEX registration_reconciliation_queue_idx ON registration_reconciliation (state, agency, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE registration_reconciliation`);
    await queryRunner.query(`DROP TABLE registration_import_rows`);
    await queryRunner.query(`DROP TABLE registration_imports`);
  }
}
