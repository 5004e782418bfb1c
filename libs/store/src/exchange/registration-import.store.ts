import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { REGISTRATION_OUTCOMES, RegistrationOutcome } from '../../../domain/src';
import type {
  ImportMetadata,
  ImportView,
  OutcomeCounts,
  PendingRow,
  ProblemRowView,
  RowOutcome,
  StagedRow,
  StagingResult,
} from './registration-exchange.types';
import { commitUnlessImportedBefore } from './import-content';
import { insertReconciliationEntries, rowsOf } from './reconciliation.store';

const CONTENT_KEY = 'registration_imports_content_key';

/**
 * An upload in progress: rows are inserted in chunks as the file is parsed, inside one transaction, so an
 * upload that fails half-way leaves nothing behind and the same file sent twice is stored once.
 */
export class ImportStaging {
  private rowCount = 0;

  constructor(
    private readonly runner: QueryRunner,
    readonly importId: string,
    private readonly partner: string,
  ) {}

  async addRows(rows: readonly StagedRow[]): Promise<void> {
    if (!rows.length) return;
    this.rowCount += rows.length;
    await this.runner.query(
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
        this.importId,
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

  /** Commits the rows under the file's content hash; an earlier import of the same bytes wins. */
  async finish(contentHash: string): Promise<StagingResult> {
    try {
      return await commitUnlessImportedBefore(
        this.runner,
        { table: 'registration_imports', contentKey: CONTENT_KEY, source: { partner: this.partner } },
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

/** Bulk registration files: staging on upload, the rows' outcomes as the import workflow records them. */
export class RegistrationImportStore {
  constructor(private readonly dataSource: DataSource) {}

  async beginStaging(metadata: ImportMetadata): Promise<ImportStaging> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const importId = randomUUID();
    try {
      // The content hash is known once the whole file has passed; until then the import id stands in for it.
      await runner.query(
        `INSERT INTO registration_imports
           (import_id, partner, format, file_name, content_hash, uploaded_by, status, total_rows)
         VALUES ($1, $2, $3, $4, $5, $6, 'STAGED', 0)`,
        [
          importId,
          metadata.partner,
          metadata.format,
          metadata.fileName ?? null,
          `pending:${importId}`,
          metadata.uploadedBy,
        ],
      );
    } catch (error) {
      await runner.rollbackTransaction();
      await runner.release();
      throw error;
    }
    return new ImportStaging(runner, importId, metadata.partner);
  }

  async findImport(importId: string): Promise<ImportView | null> {
    const [row] = await this.dataSource.query(
      `SELECT i.*, (SELECT count(*) FROM registration_import_rows r WHERE r.import_id = i.import_id AND r.outcome IS NOT NULL)::int AS rows_done
         FROM registration_imports i WHERE i.import_id = $1`,
      [importId],
    );
    if (!row) return null;
    return {
      importId: row.import_id,
      partner: row.partner,
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

  async outcomeCounts(importId: string): Promise<OutcomeCounts> {
    const rows: { outcome: RegistrationOutcome; count: number }[] = await this.dataSource.query(
      `SELECT outcome, count(*)::int AS count FROM registration_import_rows
        WHERE import_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
      [importId],
    );
    const counts = Object.fromEntries(REGISTRATION_OUTCOMES.map((outcome) => [outcome, 0])) as OutcomeCounts;
    for (const { outcome, count } of rows) counts[outcome] = count;
    return counts;
  }

  async markRunning(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE registration_imports SET status = 'RUNNING' WHERE import_id = $1 AND status = 'STAGED'`,
      [importId],
    );
  }

  async markCompleted(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE registration_imports SET status = 'COMPLETED', completed_at = coalesce(completed_at, now())
        WHERE import_id = $1`,
      [importId],
    );
  }

  /** The next rows without an outcome, in file order. */
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
  async hasPending(importId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM registration_import_rows WHERE import_id = $1 AND outcome IS NULL LIMIT 1`,
      [importId],
    );
    return rows.length > 0;
  }

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
        SET outcome = o.outcome, reason = o.reason, linked_trajectory_id = o.trajectory_id, processed_at = now()
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS o(row_number, outcome, reason, trajectory_id)
      WHERE r.import_id = $1 AND r.row_number = o.row_number AND r.outcome IS NULL
      RETURNING r.row_number`,
    [
      importId,
      outcomes.map((o) => o.rowNumber),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => o.reason),
      outcomes.map((o) => o.trajectoryId),
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
