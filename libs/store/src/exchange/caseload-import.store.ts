import type { DataSource } from 'typeorm';
import type { Agency, RowProblem } from '../../../domain/src';
import type { ImportFormat } from './registration-exchange.types';
import { ImportProgressView, StagedImports, StagedImportTables, StagedUpload } from './staged-imports';

/** The correlation id of every event a caseload import writes: its openings are recognised by it on a retry. */
export function caseloadImportCorrelationId(importId: string): string {
  return `caseload-import:${importId}`;
}

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

export interface CaseloadImportView extends ImportProgressView<CaseloadRowOutcome> {
  agency: Agency;
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
  /** Each problem with its field, and the key and parameters a reader's language words it from. */
  problems: RowProblem[];
  trajectoryId: string | null;
}

const TABLES: StagedImportTables = {
  table: 'caseload_imports',
  rows: 'caseload_import_rows',
  contentKey: 'caseload_imports_content_key',
  sourceColumns: ['agency'],
};

/** An upload in progress, in one transaction: a failed upload leaves nothing; the same file is stored once. */
export class CaseloadImportStaging extends StagedUpload {
  async addRows(rows: readonly StagedCaseloadRow[]): Promise<void> {
    const fieldsOf = (row: StagedCaseloadRow) => ('fields' in row ? JSON.stringify(row.fields) : null);
    const problemsOf = (row: StagedCaseloadRow) => ('problems' in row ? JSON.stringify(row.problems) : null);
    // A row that could not be read has its outcome at once, and no fields are kept for it.
    await this.insertRows(
      rows.length,
      `INSERT INTO caseload_import_rows (import_id, row_number, fields, problems, outcome, processed_at)
       SELECT $1, r.row_number, r.fields, r.problems,
              CASE WHEN r.problems IS NULL THEN NULL ELSE 'INVALID' END,
              CASE WHEN r.problems IS NULL THEN NULL ELSE now() END
         FROM unnest($2::int[], $3::jsonb[], $4::jsonb[]) AS r(row_number, fields, problems)`,
      [rows.map((row) => row.rowNumber), rows.map(fieldsOf), rows.map(problemsOf)],
    );
  }
}

/**
 * Caseload files uploaded through the API: staging on upload, the rows waiting to be opened, and each row's outcome
 * as the import workflow records it. A row's fields (the newcomer's personal data) are kept only until it has its
 * outcome: an opened row's data then lives in its trajectory's events, a refused one's with the agency that sent it.
 */
export class CaseloadImportStore extends StagedImports<CaseloadRowOutcome> {
  constructor(dataSource: DataSource) {
    super(dataSource, TABLES, CASELOAD_ROW_OUTCOMES);
  }

  beginStaging(metadata: CaseloadImportMetadata): Promise<CaseloadImportStaging> {
    return this.beginUpload(
      {
        agency: metadata.agency,
        format: metadata.format,
        file_name: metadata.fileName ?? null,
        uploaded_by: metadata.uploadedBy,
        uploader_role: metadata.uploaderRole,
      },
      (runner, importId, source) => new CaseloadImportStaging(runner, importId, TABLES, source),
    );
  }

  async findImport(importId: string): Promise<CaseloadImportView | null> {
    const found = await this.progressOf(importId);
    return found && { ...found.progress, agency: found.row.agency as Agency };
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

  async pendingRows(importId: string, limit: number): Promise<PendingCaseloadRow[]> {
    const rows: { row_number: number; fields: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT row_number, fields FROM caseload_import_rows
        WHERE import_id = $1 AND outcome IS NULL ORDER BY row_number LIMIT $2`,
      [importId, limit],
    );
    return rows.map((row) => ({ rowNumber: row.row_number, fields: row.fields }));
  }

  /**
   * Records a batch's outcomes in one statement and lets go of the rows' fields; a row that has its outcome keeps it.
   * A batch retried after its worker died between opening its rows and recording them meets its own openings: they
   * answer ALREADY_OPENED, and are recorded as OPENED when the trajectory's opening event carries this import's
   * correlation id (the import did open them, once).
   */
  async recordOutcomes(importId: string, results: readonly CaseloadRowResult[]): Promise<void> {
    if (!results.length) return;
    await this.dataSource.query(
      `UPDATE caseload_import_rows r
          SET outcome = CASE
                WHEN o.outcome = 'ALREADY_OPENED' AND EXISTS (
                  SELECT 1 FROM events e
                   WHERE e.stream_id = o.trajectory_id AND e.version = 1 AND e.metadata->>'correlationId' = $6)
                THEN 'OPENED' ELSE o.outcome END,
              problems = o.problems, trajectory_id = o.trajectory_id, fields = NULL, processed_at = now()
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::text[]) AS o(row_number, outcome, problems, trajectory_id)
        WHERE r.import_id = $1 AND r.row_number = o.row_number AND r.outcome IS NULL`,
      [
        importId,
        results.map((result) => result.rowNumber),
        results.map((result) => result.outcome),
        results.map((result) => (result.problems.length ? JSON.stringify(result.problems) : null)),
        results.map((result) => result.trajectoryId ?? null),
        caseloadImportCorrelationId(importId),
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
      problems: row.problems ?? [],
      trajectoryId: row.trajectory_id,
    }));
  }
}
