import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { RowProblem } from '../../../domain/src';
import { commitUnlessImportedBefore, ImportTable } from './import-content';
import type { ImportFormat, ImportStatus, StagingResult } from './registration-exchange.types';

/** The tables of one kind of file import: the files (with what makes two of them the same) and their rows. */
export interface StagedImportTables extends Omit<ImportTable, 'source'> {
  rows: 'registration_import_rows' | 'partner_record_import_rows' | 'caseload_import_rows';
  /** The columns naming a file's source (a partner, an organisation and kind, an agency). */
  sourceColumns: readonly string[];
}

/** What every import shows of itself, whatever its kind. */
export interface ImportProgressView<Outcome extends string> {
  importId: string;
  format: ImportFormat;
  fileName: string | null;
  status: ImportStatus;
  uploadedBy: string;
  createdAt: string;
  completedAt: string | null;
  totalRows: number;
  rowsDone: number;
  outcomes: Record<Outcome, number>;
}

/**
 * An upload in progress: rows are inserted in chunks as the file is parsed, inside one transaction, so an upload that
 * fails half-way leaves nothing behind and the same file sent twice is stored once.
 */
export class StagedUpload {
  private rowCount = 0;

  constructor(
    private readonly runner: QueryRunner,
    readonly importId: string,
    private readonly tables: StagedImportTables,
    private readonly source: Record<string, string>,
  ) {}

  /** Inserts `rows` rows with one statement, whose $1 is the import id and the `parameters` follow. */
  protected async insertRows(rows: number, statement: string, parameters: readonly unknown[]): Promise<void> {
    if (!rows) return;
    this.rowCount += rows;
    await this.runner.query(statement, [this.importId, ...parameters]);
  }

  /** Commits the rows under the file's content hash; an earlier import of the same bytes wins. */
  async finish(contentHash: string): Promise<StagingResult> {
    try {
      return await commitUnlessImportedBefore(
        this.runner,
        { table: this.tables.table, contentKey: this.tables.contentKey, source: this.source },
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
 * The life of one kind of file import, shared by every kind: an upload opened in a transaction, the status as the
 * import workflow moves it, the rows still waiting, and the count of each outcome.
 */
export class StagedImports<Outcome extends string> {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly tables: StagedImportTables,
    private readonly outcomes: readonly Outcome[],
  ) {}

  /**
   * Opens an upload's transaction with the file's row: `file` holds its columns besides import_id, content_hash,
   * status and total_rows (known once the whole file has passed; until then the import id stands in for the hash).
   */
  protected async beginUpload<Upload extends StagedUpload>(
    file: Record<string, unknown>,
    upload: (runner: QueryRunner, importId: string, source: Record<string, string>) => Upload,
  ): Promise<Upload> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const importId = randomUUID();
    const columns = Object.keys(file);
    try {
      await runner.query(
        `INSERT INTO ${this.tables.table} (import_id, ${columns.join(', ')}, content_hash, status, total_rows)
         VALUES ($1, ${columns.map((_, index) => `$${index + 2}`).join(', ')}, $${columns.length + 2}, 'STAGED', 0)`,
        [importId, ...Object.values(file), `pending:${importId}`],
      );
    } catch (error) {
      await runner.rollbackTransaction();
      await runner.release();
      throw error;
    }
    const source = Object.fromEntries(
      this.tables.sourceColumns.map((column) => [column, String(file[column])]),
    );
    return upload(runner, importId, source);
  }

  /** The import's own row (every column) and its progress, or null when there is no such import. */
  protected async progressOf(
    importId: string,
  ): Promise<{ row: Record<string, unknown>; progress: ImportProgressView<Outcome> } | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM ${this.tables.table} WHERE import_id = $1`, [
      importId,
    ]);
    if (!row) return null;
    // The rows done and their outcomes in one pass over the import's rows (a poll of a large file's progress reads
    // them all).
    const counted = await this.countedRows(importId);
    return {
      row,
      progress: {
        importId: row.import_id,
        format: row.format,
        fileName: row.file_name,
        status: row.status,
        uploadedBy: row.uploaded_by,
        createdAt: new Date(row.created_at).toISOString(),
        completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
        totalRows: row.total_rows,
        rowsDone: counted
          .filter(({ outcome }) => outcome !== null)
          .reduce((sum, { count }) => sum + count, 0),
        outcomes: this.countsOf(counted),
      },
    };
  }

  async outcomeCounts(importId: string): Promise<Record<Outcome, number>> {
    return this.countsOf(await this.countedRows(importId));
  }

  /** The import's rows counted by outcome (null: not done yet). */
  private countedRows(importId: string): Promise<{ outcome: Outcome | null; count: number }[]> {
    return this.dataSource.query(
      `SELECT outcome, count(*)::int AS count FROM ${this.tables.rows} WHERE import_id = $1 GROUP BY outcome`,
      [importId],
    );
  }

  private countsOf(rows: readonly { outcome: Outcome | null; count: number }[]): Record<Outcome, number> {
    const counts = Object.fromEntries(this.outcomes.map((outcome) => [outcome, 0])) as Record<
      Outcome,
      number
    >;
    for (const { outcome, count } of rows) if (outcome !== null) counts[outcome] = count;
    return counts;
  }

  async markRunning(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.tables.table} SET status = 'RUNNING' WHERE import_id = $1 AND status = 'STAGED'`,
      [importId],
    );
  }

  async markCompleted(importId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.tables.table} SET status = 'COMPLETED', completed_at = coalesce(completed_at, now())
        WHERE import_id = $1`,
      [importId],
    );
  }

  async hasPending(importId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${this.tables.rows} WHERE import_id = $1 AND outcome IS NULL LIMIT 1`,
      [importId],
    );
    return rows.length > 0;
  }
}

/**
 * A problem row's problems: those stored with it, or else the one reason its outcome gave as text (a linking
 * outcome, or a row recorded before its outcome's problem was kept), about the row, without a key.
 */
export function problemsOfRow(stored: unknown, reason: unknown): RowProblem[] {
  if (Array.isArray(stored) && stored.length) return stored as RowProblem[];
  return typeof reason === 'string' && reason ? [{ field: 'row', reason }] : [];
}
