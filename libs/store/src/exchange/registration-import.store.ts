import type { DataSource, EntityManager } from 'typeorm';
import { REGISTRATION_OUTCOMES, RegistrationOutcome } from '../../../domain/src';
import type {
  ImportMetadata,
  ImportView,
  PendingRow,
  ProblemRowView,
  RowOutcome,
  StagedRow,
} from './registration-exchange.types';
import { insertReconciliationEntries, rowsOf } from './reconciliation.store';
import { problemsOfRow, StagedImports, StagedImportTables, StagedUpload } from './staged-imports';

const TABLES: StagedImportTables = {
  table: 'registration_imports',
  rows: 'registration_import_rows',
  contentKey: 'registration_imports_content_key',
  sourceColumns: ['partner'],
};

/** An upload of a registration file in progress (see StagedUpload). */
export class ImportStaging extends StagedUpload {
  async addRows(rows: readonly StagedRow[]): Promise<void> {
    await this.insertRows(
      rows.length,
      `INSERT INTO registration_import_rows
         (import_id, row_number, national_number, trajectory_id, registered_on, office, partner_dossier_id,
          problems, outcome, reason, processed_at)
       SELECT $1, r.row_number, r.national_number, r.trajectory_id, r.registered_on, r.office, r.partner_dossier_id,
              r.problems, CASE WHEN r.problems IS NULL THEN NULL ELSE 'INVALID' END,
              CASE WHEN r.problems IS NULL THEN NULL
                   ELSE (SELECT string_agg(p->>'field' || ': ' || (p->>'reason'), '; ') FROM jsonb_array_elements(r.problems) p)
              END,
              CASE WHEN r.problems IS NULL THEN NULL ELSE now() END
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
           AS r(row_number, national_number, trajectory_id, registered_on, office, partner_dossier_id, problems)`,
      [
        rows.map((row) => row.rowNumber),
        rows.map((row) => row.nationalNumber),
        rows.map((row) => row.trajectoryId),
        rows.map((row) => row.registeredOn),
        rows.map((row) => row.office),
        rows.map((row) => row.partnerDossierId),
        rows.map((row) => (row.problems ? JSON.stringify(row.problems) : null)),
      ],
    );
  }
}

/** Bulk registration files: staging on upload, the rows' outcomes as the import workflow records them. */
export class RegistrationImportStore extends StagedImports<RegistrationOutcome> {
  constructor(dataSource: DataSource) {
    super(dataSource, TABLES, REGISTRATION_OUTCOMES);
  }

  beginStaging(metadata: ImportMetadata): Promise<ImportStaging> {
    return this.beginUpload(
      {
        partner: metadata.partner,
        format: metadata.format,
        file_name: metadata.fileName ?? null,
        uploaded_by: metadata.uploadedBy,
      },
      (runner, importId, source) => new ImportStaging(runner, importId, TABLES, source),
    );
  }

  async findImport(importId: string): Promise<ImportView | null> {
    const found = await this.progressOf(importId);
    return found && { ...found.progress, partner: found.row.partner as ImportView['partner'] };
  }

  async pendingRows(importId: string, limit: number): Promise<PendingRow[]> {
    const rows = await this.dataSource.query(
      `SELECT row_number, national_number, trajectory_id, registered_on, office, partner_dossier_id
         FROM registration_import_rows WHERE import_id = $1 AND outcome IS NULL
        ORDER BY row_number LIMIT $2`,
      [importId, limit],
    );
    return rows.map((row: Record<string, string | number | null>): PendingRow => ({
      rowNumber: row.row_number as number,
      nationalNumber: row.national_number as string | null,
      trajectoryId: row.trajectory_id as string | null,
      registeredOn: row.registered_on as string,
      office: row.office as string,
      partnerDossierId: row.partner_dossier_id as string,
    }));
  }

  /** Whether any row still waits for its outcome (cheap: the first pending row in the partial index). */

  async partnerOf(importId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT partner FROM registration_imports WHERE import_id = $1`,
      [importId],
    );
    return row?.partner ?? null;
  }

  /**
   * Records the outcomes of a batch and queues its conflicts and unmatched rows, in one transaction. A row that
   * already has an outcome keeps it (a retried batch changes nothing).
   */
  async recordOutcomes(importId: string, outcomes: readonly RowOutcome[], queuedAt?: Date): Promise<void> {
    if (!outcomes.length) return;
    await this.dataSource.transaction((manager) =>
      recordOutcomesWithin(manager, importId, outcomes, queuedAt),
    );
  }

  /** Every row that did not end linked or already linked, in file order: the import's report. */
  async problemRows(importId: string): Promise<ProblemRowView[]> {
    const rows = await this.dataSource.query(
      `SELECT row_number, outcome, reason, problems, national_number, trajectory_id, registered_on, office,
              partner_dossier_id
         FROM registration_import_rows
        WHERE import_id = $1 AND outcome IN ('CONFLICT', 'UNMATCHED', 'INVALID')
        ORDER BY row_number`,
      [importId],
    );
    return rows.map((row: Record<string, unknown>): ProblemRowView => ({
      rowNumber: row.row_number as number,
      outcome: row.outcome as RegistrationOutcome,
      fields: Array.isArray(row.problems)
        ? (row.problems as { field: string }[]).map((problem) => problem.field).join(' ')
        : '',
      reason: (row.reason as string | null) ?? '',
      problems: problemsOfRow(row.problems, row.reason),
      nationalNumber: row.national_number as string | null,
      trajectoryId: row.trajectory_id as string | null,
      registeredOn: row.registered_on as string | null,
      office: row.office as string | null,
      partnerDossierId: row.partner_dossier_id as string | null,
    }));
  }
}

/** `recordOutcomes` in the caller's transaction (e.g. the one that appends the links the outcomes report). */
export async function recordOutcomesWithin(
  manager: EntityManager,
  importId: string,
  outcomes: readonly RowOutcome[],
  queuedAt?: Date,
): Promise<void> {
  if (!outcomes.length) return;
  const updated = await manager.query(
    `UPDATE registration_import_rows r
        SET outcome = o.outcome, reason = o.reason, linked_trajectory_id = o.trajectory_id, processed_at = now(),
            problems = CASE WHEN o.refusal IS NULL THEN r.problems ELSE jsonb_build_array(o.refusal) END
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
         AS o(row_number, outcome, reason, trajectory_id, refusal)
      WHERE r.import_id = $1 AND r.row_number = o.row_number AND r.outcome IS NULL
      RETURNING r.row_number`,
    [
      importId,
      outcomes.map((o) => o.rowNumber),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => o.reason),
      outcomes.map((o) => o.trajectoryId),
      outcomes.map((o) => (o.refusal ? JSON.stringify(o.refusal) : null)),
    ],
  );
  const fresh = new Set(rowsOf<{ row_number: number }>(updated).map((row) => row.row_number));
  const queued = outcomes.filter((o) => o.queue && fresh.has(o.rowNumber));
  await insertReconciliationEntries(
    manager,
    queued.map((o) => ({ ...o.queue!, importId, rowNumber: o.rowNumber })),
    queuedAt,
  );
}
