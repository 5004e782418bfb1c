import type { DataSource } from 'typeorm';
import {
  PARTNER_RECORD_OUTCOMES,
  PartnerFileKind,
  PartnerRecordCommand,
  PartnerRecordOutcome,
  PartnerSender,
  RowProblem,
  TrajectoryState,
} from '../../../domain/src';
import { positional, ReadScope, scopeCondition } from '../queries/read-scope';
import type { ImportFormat } from './registration-exchange.types';
import { rowsOf } from './reconciliation.store';
import {
  ImportProgressView,
  problemsOfRow,
  StagedImports,
  StagedImportTables,
  StagedUpload,
} from './staged-imports';

export interface PartnerImportMetadata {
  kind: PartnerFileKind;
  sender: PartnerSender;
  /** The uploader's read scope: the rows are matched only to trajectories in it. */
  scope: ReadScope;
  format: ImportFormat;
  fileName?: string;
  uploadedBy: string;
  uploaderRole: string;
}

/** One row as received: its fields (for the report), and the command it became or the problems found. */
export interface StagedPartnerRow {
  rowNumber: number;
  nationalNumber: string | null;
  fields: Record<string, unknown> | null;
  command: PartnerRecordCommand | null;
  problems: RowProblem[] | null;
}

export interface PendingPartnerRow {
  rowNumber: number;
  nationalNumber: string;
  command: PartnerRecordCommand;
}

export interface PartnerRowOutcome {
  rowNumber: number;
  outcome: Exclude<PartnerRecordOutcome, 'INVALID'> | 'INVALID';
  /** Why a row was not applied: for an INVALID row the field the trajectory's rules refused, else the row. */
  problem: RowProblem | null;
  trajectoryId: string | null;
}

export type PartnerOutcomeCounts = Record<PartnerRecordOutcome, number>;

export interface PartnerImportView extends ImportProgressView<PartnerRecordOutcome> {
  kind: PartnerFileKind;
  organisation: string;
}

export interface PartnerImportWork {
  kind: PartnerFileKind;
  sender: PartnerSender;
  scope: ReadScope;
  uploadedBy: string;
  uploaderRole: string;
}

export interface PartnerProblemRow {
  rowNumber: number;
  outcome: PartnerRecordOutcome;
  fields: string;
  reason: string;
  /** Each problem with its field, and the key and parameters a reader's language words it from. */
  problems: RowProblem[];
  nationalNumber: string | null;
  trajectoryId: string | null;
  received: Record<string, unknown> | null;
}

/** A trajectory a partner record can go to: open, in the sender's scope, with its folded state. */
export interface PartnerRecordTarget {
  trajectoryId: string;
  state: TrajectoryState;
}

const TABLES: StagedImportTables = {
  table: 'partner_record_imports',
  rows: 'partner_record_import_rows',
  contentKey: 'partner_record_imports_content_key',
  sourceColumns: ['organisation', 'kind'],
};

/** An upload in progress, in one transaction: a failed upload leaves nothing; the same file is stored once. */
export class PartnerImportStaging extends StagedUpload {
  async addRows(rows: readonly StagedPartnerRow[]): Promise<void> {
    await this.insertRows(
      rows.length,
      `INSERT INTO partner_record_import_rows
         (import_id, row_number, national_number, fields, command, problems, outcome, reason, processed_at)
       SELECT $1, r.row_number, r.national_number, r.fields, r.command, r.problems,
              CASE WHEN r.problems IS NULL THEN NULL ELSE 'INVALID' END,
              CASE WHEN r.problems IS NULL THEN NULL
                   ELSE (SELECT string_agg(p->>'field' || ': ' || (p->>'reason'), '; ') FROM jsonb_array_elements(r.problems) p)
              END,
              CASE WHEN r.problems IS NULL THEN NULL ELSE now() END
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::jsonb[])
           AS r(row_number, national_number, fields, command, problems)`,
      [
        rows.map((row) => row.rowNumber),
        rows.map((row) => row.nationalNumber),
        rows.map((row) => (row.fields ? JSON.stringify(row.fields) : null)),
        rows.map((row) => (row.command ? JSON.stringify(row.command) : null)),
        rows.map((row) => (row.problems ? JSON.stringify(row.problems) : null)),
      ],
    );
  }
}

/**
 * The files of municipalities and test centres: staging on upload, the rows' outcomes as the import workflow
 * records them, and the trajectories their records go to (matched on the national number within the sender's
 * scope, in SQL).
 */
export class PartnerRecordImportStore extends StagedImports<PartnerRecordOutcome> {
  constructor(dataSource: DataSource) {
    super(dataSource, TABLES, PARTNER_RECORD_OUTCOMES);
  }

  beginStaging(metadata: PartnerImportMetadata): Promise<PartnerImportStaging> {
    return this.beginUpload(
      {
        kind: metadata.kind,
        organisation: metadata.sender.organisation,
        sender: JSON.stringify(metadata.sender),
        scope: JSON.stringify(metadata.scope),
        format: metadata.format,
        file_name: metadata.fileName ?? null,
        uploaded_by: metadata.uploadedBy,
        uploader_role: metadata.uploaderRole,
      },
      (runner, importId, source) => new PartnerImportStaging(runner, importId, TABLES, source),
    );
  }

  async findImport(importId: string): Promise<PartnerImportView | null> {
    const found = await this.progressOf(importId);
    return (
      found && {
        ...found.progress,
        kind: found.row.kind as PartnerFileKind,
        organisation: found.row.organisation as string,
      }
    );
  }

  /** What the workflow needs to work an import: the kind, the sender and the scope it was uploaded with. */
  async work(importId: string): Promise<PartnerImportWork | null> {
    const [row] = await this.dataSource.query(
      `SELECT kind, sender, scope, uploaded_by, uploader_role FROM partner_record_imports WHERE import_id = $1`,
      [importId],
    );
    if (!row) return null;
    return {
      kind: row.kind,
      sender: row.sender,
      scope: row.scope,
      uploadedBy: row.uploaded_by,
      uploaderRole: row.uploader_role,
    };
  }

  async pendingRows(importId: string, limit: number): Promise<PendingPartnerRow[]> {
    const rows = await this.dataSource.query(
      `SELECT row_number, national_number, command FROM partner_record_import_rows
        WHERE import_id = $1 AND outcome IS NULL ORDER BY row_number LIMIT $2`,
      [importId, limit],
    );
    return rows.map(
      (row: { row_number: number; national_number: string; command: PartnerRecordCommand }) => ({
        rowNumber: row.row_number,
        nationalNumber: row.national_number,
        command: row.command,
      }),
    );
  }

  /** Records a batch's outcomes in one transaction; a row that has its outcome keeps it (a retried batch). */
  async recordOutcomes(importId: string, outcomes: readonly PartnerRowOutcome[]): Promise<void> {
    if (!outcomes.length) return;
    await this.dataSource.query(
      `UPDATE partner_record_import_rows r
          SET outcome = o.outcome, reason = o.problem->>'reason', trajectory_id = o.trajectory_id,
              processed_at = now(),
              problems = CASE WHEN o.problem IS NULL THEN r.problems ELSE jsonb_build_array(o.problem) END
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::text[]) AS o(row_number, outcome, problem, trajectory_id)
        WHERE r.import_id = $1 AND r.row_number = o.row_number AND r.outcome IS NULL`,
      [
        importId,
        outcomes.map((o) => o.rowNumber),
        outcomes.map((o) => o.outcome),
        outcomes.map((o) => (o.problem ? JSON.stringify(o.problem) : null)),
        outcomes.map((o) => o.trajectoryId),
      ],
    );
  }

  /** Every row that was not applied (nor applied before), in file order: the import's report. */
  async problemRows(importId: string): Promise<PartnerProblemRow[]> {
    const rows = await this.dataSource.query(
      `SELECT row_number, outcome, reason, problems, national_number, trajectory_id, fields
         FROM partner_record_import_rows
        WHERE import_id = $1 AND outcome IN ('CONFLICT', 'UNMATCHED', 'INVALID')
        ORDER BY row_number`,
      [importId],
    );
    return rows.map((row: Record<string, unknown>): PartnerProblemRow => {
      const problems = (row.problems as RowProblem[] | null) ?? [];
      const reason = (row.reason as string | null) ?? '';
      return {
        rowNumber: row.row_number as number,
        outcome: row.outcome as PartnerRecordOutcome,
        // The fields at fault are an invalid row's; a conflict or no trajectory is the row's as a whole.
        fields: row.outcome === 'INVALID' ? problems.map((problem) => problem.field).join(' ') : '',
        reason,
        problems: problemsOfRow(problems, reason),
        nationalNumber: row.national_number as string | null,
        trajectoryId: row.trajectory_id as string | null,
        received: (row.fields as Record<string, unknown> | null) ?? null,
      };
    });
  }

  /**
   * The newcomers' open trajectories within `scope` (a municipality: its residents; a test centre: the learners
   * referred to or enrolled with it), with their folded state; a national number outside it is simply absent.
   */
  async targets(
    nationalNumbers: readonly string[],
    scope: ReadScope,
  ): Promise<Map<string, PartnerRecordTarget>> {
    if (!nationalNumbers.length) return new Map();
    const parameters: unknown[] = [[...new Set(nationalNumbers)]];
    const condition = scopeCondition(scope, 'summary', positional(parameters));
    const rows: { trajectory_id: string; national_number: string; state: TrajectoryState }[] =
      await this.dataSource.query(
        `SELECT summary.trajectory_id, summary.national_number, states.state
           FROM trajectory_summaries summary
           JOIN trajectory_states states ON states.stream_id = summary.trajectory_id
          WHERE summary.national_number = ANY($1::text[]) AND summary.status <> 'CLOSED' AND ${condition}`,
        parameters,
      );
    return new Map(
      rows.map((row) => [row.national_number, { trajectoryId: row.trajectory_id, state: row.state }]),
    );
  }

  /** Whether an event of the trajectory was written under this idempotency key (an attempt that died after). */
  async appliedWithKey(trajectoryId: string, idempotencyKey: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM events WHERE stream_id = $1 AND metadata->>'idempotencyKey' = $2 LIMIT 1`,
      [trajectoryId, idempotencyKey],
    );
    return rowsOf(rows).length > 0;
  }
}
