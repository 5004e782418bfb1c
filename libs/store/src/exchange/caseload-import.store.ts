import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import type { Agency, RowProblem } from '../../../domain/src';
import { commitUnlessImportedBefore } from './import-content';
import type { ImportFormat, ImportStatus, StagingResult } from './registration-exchange.types';

const CONTENT_KEY = 'caseload_imports_content_key';

/** What became of a caseload row (see BulkOpening in apps/api). */
export const CASELOAD_ROW_OUTCOMES = ['OPENED', 'ALREADY_OPENED', 'INVALID', 'REFUSED', 'CONFLICT'] as const;
export type CaseloadRowOutcome = (typeof CASELOAD_ROW_OUTCOMES)[number];
export type CaseloadOutcomeCounts = Record<CaseloadRowOutcome, number>;

export interface CaseloadImportMetadata {
  agency: Agency;
  format: ImportFormat;
  fileName?: string;
  uploadedBy: string;
  uploaderRole: string;
}

/** A row as read from the file: its fields, or why it could not be read. */
export type StagedCaseloadRow =
  { rowNumber: number; fields: Record<string, unknown> } | { rowNumber: number; problems: RowProblem[] };

export interface PendingCaseloadRow {
  rowNumber: number;
  fields: Record<string, unknown>;
}

export interface CaseloadRowResult {
  rowNumber: number;
  outcome: CaseloadRowOutcome;
  /** Why a row opened nothing (field and reason); empty for OPENED and ALREADY_OPENED. */
  problems: readonly RowProblem[];
  trajectoryId?: string;
}

export interface CaseloadImportView {
  importId: string;
  agency: Agency;
  format: ImportFormat;
  fileName: string | null;
  status: ImportStatus;
  uploadedBy: string;
  createdAt: string;
  completedAt: string | null;
  totalRows: number;
  rowsDone: number;
  outcomes: CaseloadOutcomeCounts;
}

export interface CaseloadImportWork {
  agency: Agency;
  uploadedBy: string;
  uploaderRole: string;
}

/** A row that opened nothing: where and why, never its values. */
export interface CaseloadProblemRow {
  rowNumber: number;
  outcome: CaseloadRowOutcome;
  fields: string;
  reason: string;
  trajectoryId: string | null;
}

/** An upload in progress, in one transaction: a failed upload leaves nothing; the same file is stored once. */
export class CaseloadImportStaging {
  private rowCount = 0;

  constructor(
    private readonly runner: QueryRunner,
    readonly importId: string,
    private readonly agency: Agency,
  ) {}

  async addRows(rows: readonly StagedCaseloadRow[]): Promise<void> {
    if (!rows.length) return;
    this.rowCount += rows.length;
    const fieldsOf = (row: StagedCaseloadRow) => ('fields' in row ? JSON.stringify(row.fields) : null);
    const problemsOf = (row: StagedCaseloadRow) => ('problems' in row ? JSON.stringify(row.problems) : null);
    // A row that could not be read has its outcome at once, and no fields are kept for it.
    await this.runner.query(
      `INSERT INTO caseload_import_rows (import_id, row_number, fields, problems, outcome, processed_at)
       SELECT $1, r.row_number, r.fields, r.problems,
              CASE WHEN r.problems IS NULL THEN NULL ELSE 'INVALID' END,
              CASE WHEN r.problems IS NULL THEN NULL ELSE now() END
         FROM unnest($2::int[], $3::jsonb[], $4::jsonb[]) AS r(row_number, fields, problems)`,
      [this.importId, rows.map((row) => row.rowNumber), rows.map(fieldsOf), rows.map(problemsOf)],
    );
  }

  async finish(contentHash: string): Promise<StagingResult> {
    try {
      return await commitUnlessImportedBefore(
        this.runner,
        { table: 'caseload_imports', contentKey: CONTENT_KEY, source: { agency: this.agency } },
        { importId: this.importId, contentHash, totalRows: this.rowCount },
      );
    } finally {
      await this.runner.release();
    }
  }

  async abort(): Promise<void> {
    if (this.runner.isReleased) return;
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    await this.runner.release();
  }
}

/**
 * Caseload files uploaded through the API: staging on upload, the rows waiting to be opened, and each row's outcome
 * as the import workflow records it. A row's fields (the newcomer's personal data) are kept only until it has its
 * outcome: an opened row's data then lives in its trajectory's events, a refused one's with the agency that sent it.
 */
export class CaseloadImportStore {
  constructor(private readonly dataSource: DataSource) {}

  async beginStaging(metadata: CaseloadImportMetadata): Promise<CaseloadImportStaging> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const importId = randomUUID();
    try {
      await runner.query(
        `INSERT INTO caseload_imports
           (import_id, agency, format, file_name, content_hash, uploaded_by, uploader_role, status, total_rows)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'STAGED', 0)`,
        [
          importId,
          metadata.agency,
          metadata.format,
          metadata.fileName ?? null,
          `pending:${importId}`,
          metadata.uploadedBy,
          metadata.uploaderRole,
        ],
      );
    } catch (error) {
      await runner.rollbackTransaction();
      await runner.release();
      throw error;
    }
    return new CaseloadImportStaging(runner, importId, metadata.agency);
  }

  async findImport(importId: string): Promise<CaseloadImportView | null> {
    const [row] = await this.dataSource.query(
      `SELECT i.*, (SELECT count(*) FROM caseload_import_rows r
                     WHERE r.import_id = i.import_id AND r.outcome IS NOT NULL)::int AS rows_done
         FROM caseload_imports i WHERE i.import_id = $1`,
      [importId],
    );
    if (!row) return null;
    return {
      importId: row.import_id,
      agency: row.agency,
      format: row.format,
      fileName: row.file_name,
      status: row.status,
      uploadedBy: row.uploaded_by,
      createdAt: new Date(row.created_at).toISOString(),
      completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
      totalRows: row.total_rows,
      rowsDone: row.rows_done,
      outcomes: await this.outcomeCounts(importId),
    };
  }

  /** Who opens the import's rows: the agency and the uploader it was staged with. */
  async work(importId: string): Promise<CaseloadImportWork | null> {
    const [row] = await this.dataSource.query(
      `SELECT agency, uploaded_by, uploader_role FROM caseload_imports WHERE import_id = $1`,
      [importId],
    );
    if (!row) return null;
    return { agency: row.agency, uploadedBy: row.uploaded_by, uploaderRole: row.uploader_role };
  }

  async outcomeCounts(importId: string): Promise<CaseloadOutcomeCounts> {
    const rows: { outcome: CaseloadRowOutcome; count: number }[] = await this.dataSource.query(
      `SELECT outcome, count(*)::int AS count FROM caseload_import_rows
        WHERE import_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
      [importId],
    );
    const counts = Object.fromEntries(CASELOAD_ROW_OUTCOMES.map((o) => [o, 0])) as CaseloadOutcomeCounts;
    for (const { outcome, count } of rows) counts[outcome] = count;
    return counts;
  }

  async markRunning(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE caseload_imports SET status = 'RUNNING' WHERE import_id = $1 AND status = 'STAGED'`,
      [importId],
    );
  }

  async markCompleted(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE caseload_imports SET status = 'COMPLETED', completed_at = coalesce(completed_at, now())
        WHERE import_id = $1`,
      [importId],
    );
  }

  async pendingRows(importId: string, limit: number): Promise<PendingCaseloadRow[]> {
    const rows: { row_number: number; fields: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT row_number, fields FROM caseload_import_rows
        WHERE import_id = $1 AND outcome IS NULL ORDER BY row_number LIMIT $2`,
      [importId, limit],
    );
    return rows.map((row) => ({ rowNumber: row.row_number, fields: row.fields }));
  }

  async hasPending(importId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM caseload_import_rows WHERE import_id = $1 AND outcome IS NULL LIMIT 1`,
      [importId],
    );
    return rows.length > 0;
  }

  /**
   * Records a batch's outcomes in one statement and lets go of the rows' fields; a row that has its outcome keeps it
   * (a batch retried after a worker died: its openings then answer ALREADY_OPENED, and are not recorded again).
   */
  async recordOutcomes(importId: string, results: readonly CaseloadRowResult[]): Promise<void> {
    if (!results.length) return;
    await this.dataSource.query(
      `UPDATE caseload_import_rows r
          SET outcome = o.outcome, problems = o.problems, trajectory_id = o.trajectory_id, fields = NULL,
              processed_at = now()
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::text[]) AS o(row_number, outcome, problems, trajectory_id)
        WHERE r.import_id = $1 AND r.row_number = o.row_number AND r.outcome IS NULL`,
      [
        importId,
        results.map((result) => result.rowNumber),
        results.map((result) => result.outcome),
        results.map((result) => (result.problems.length ? JSON.stringify(result.problems) : null)),
        results.map((result) => result.trajectoryId ?? null),
      ],
    );
  }

  /** Every row that opened nothing, in file order: the import's report. */
  async problemRows(importId: string): Promise<CaseloadProblemRow[]> {
    const rows: {
      row_number: number;
      outcome: CaseloadRowOutcome;
      problems: RowProblem[] | null;
      trajectory_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT row_number, outcome, problems, trajectory_id FROM caseload_import_rows
        WHERE import_id = $1 AND outcome IN ('INVALID', 'REFUSED', 'CONFLICT')
        ORDER BY row_number`,
      [importId],
    );
    return rows.map((row) => ({
      rowNumber: row.row_number,
      outcome: row.outcome,
      fields: (row.problems ?? []).map((problem) => problem.field).join(' '),
      reason: (row.problems ?? []).map((problem) => problem.reason).join('; '),
      trajectoryId: row.trajectory_id,
    }));
  }
}
