import { RowProblem, rowProblem } from '../../../../../libs/domain/src';
import {
  AppendManyResult,
  CaseloadRowOutcome,
  CaseloadRowResult,
  enqueueWorkflowStarts,
  EventStore,
  PendingWorkflowStart,
} from '../../../../../libs/store/src';
import type { FileRecord } from '../../exchange/registration-file.parser';
import { BulkOpener, checkCaseloadRow, OpeningRow } from './caseload-row';

/** What became of a caseload row. */
export type OpeningOutcome = CaseloadRowOutcome;

/** A row that opened nothing, with why (field and reason; never the row's values). */
export interface RowReport {
  rowNumber: number;
  outcome: Exclude<OpeningOutcome, 'OPENED' | 'ALREADY_OPENED'>;
  problems: RowProblem[];
}

export interface BulkOpeningSummary {
  rows: number;
  outcomes: Record<OpeningOutcome, number>;
  /** Trajectories whose workflow now waits in pending_workflow_starts. */
  workflowStartsQueued: number;
}

export interface BulkOpeningOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Batches written at once (each on its own connection) while the next is read and checked. */
  concurrency?: number;
  /** Called for every row that opened nothing, in row order within a batch. */
  onProblem?: (report: RowReport) => void;
  /** Called for every row once its outcome is known (opened rows with their trajectory). */
  onOutcome?: (result: CaseloadRowResult) => void;
  /** Called after every batch with the running summary. */
  onProgress?: (summary: BulkOpeningSummary) => void;
  /** The decision time of the openings (epoch ms); now by default. */
  now?: () => number;
}

interface EarlierRow {
  rowNumber: number;
  trajectoryId: string;
}

const DEFAULT_BATCH_SIZE = 1_000;
const DEFAULT_CONCURRENCY = 2;

/**
 * Opens an agency's caseload: each row checked as `POST /trajectories` checks a body and decided with the domain's
 * `decide`, the openings appended in batches with `appendMany` and, in the same transaction, their workflows queued
 * to start from their streams (pending_workflow_starts, next deadline first). Batches are written while the next
 * is read and checked. A bad row is reported and the others are opened; a row opened before is left as it is.
 */
export class BulkOpening {
  private readonly batchSize: number;
  private readonly summary: BulkOpeningSummary = {
    rows: 0,
    outcomes: { OPENED: 0, ALREADY_OPENED: 0, INVALID: 0, REFUSED: 0, CONFLICT: 0 },
    workflowStartsQueued: 0,
  };
  private readonly rowsByNewcomer = new Map<string, EarlierRow>();

  constructor(
    private readonly store: EventStore,
    private readonly opener: BulkOpener,
    private readonly options: BulkOpeningOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async open(records: AsyncIterable<FileRecord>): Promise<BulkOpeningSummary> {
    const now = this.options.now ?? Date.now;
    const concurrency = this.options.concurrency ?? DEFAULT_CONCURRENCY;
    let batch: OpeningRow[] = [];
    const writing: Promise<void>[] = [];
    // One decision time per batch, as for commands decided together.
    let decidedAt = now();
    for await (const record of records) {
      this.summary.rows += 1;
      if ('problems' in record) {
        this.report({ rowNumber: record.rowNumber, outcome: 'INVALID', problems: record.problems });
        continue;
      }
      const checked = await checkCaseloadRow(record.rowNumber, record.fields, this.opener, decidedAt);
      if (!checked.valid) {
        this.report({ rowNumber: record.rowNumber, outcome: 'INVALID', problems: checked.problems });
        continue;
      }
      const earlier = this.earlierRowOf(checked.row);
      if (earlier) {
        this.refuseRepeat(checked.row, earlier);
        continue;
      }
      batch.push(checked.row);
      if (batch.length >= this.batchSize) {
        if (writing.length >= concurrency) await writing.shift();
        const write = this.write(batch);
        // Awaited before a later batch (or at the end); until then its failure must not count as unhandled.
        write.catch(() => undefined);
        writing.push(write);
        batch = [];
        decidedAt = now();
      }
    }
    writing.push(this.write(batch));
    for (const write of writing) await write;
    return this.summary;
  }

  private async write(rows: readonly OpeningRow[]): Promise<void> {
    if (!rows.length) return;
    const results = await this.store.appendMany(
      rows.map((row) => row.request),
      (manager, appended) => enqueueWorkflowStarts(manager, this.startsOf(rows, appended)),
    );
    results.forEach((result, index) => {
      const { rowNumber, trajectoryId } = rows[index];
      if (result.status === 'appended')
        this.settle({ rowNumber, outcome: 'OPENED', problems: [], trajectoryId });
      else if (result.status === 'duplicate')
        this.settle({ rowNumber, outcome: 'ALREADY_OPENED', problems: [], trajectoryId });
      else if (result.status === 'conflict')
        this.report({
          rowNumber,
          outcome: 'CONFLICT',
          problems: [rowProblem('row', 'ROW_STREAM_HOLDS_OTHER_EVENTS')],
        });
      else
        this.report({
          rowNumber,
          outcome: 'REFUSED',
          problems: [
            result.reason === 'NEWCOMER_HAS_ACTIVE_TRAJECTORY'
              ? { field: 'nationalNumber', reason: result.message, key: result.reason }
              : { field: 'row', reason: result.message },
          ],
        });
    });
    this.options.onProgress?.(this.summary);
  }

  /**
   * Batches are written concurrently, so two rows of one newcomer must not race for the one active trajectory: the
   * first row in the file opens it (or meets it) and a later row is decided here, as a sequential run would.
   */
  private earlierRowOf(row: OpeningRow): EarlierRow | undefined {
    const earlier = this.rowsByNewcomer.get(row.newcomer);
    if (!earlier)
      this.rowsByNewcomer.set(row.newcomer, { rowNumber: row.rowNumber, trajectoryId: row.trajectoryId });
    return earlier;
  }

  private refuseRepeat(row: OpeningRow, earlier: EarlierRow): void {
    const repeated = earlier.trajectoryId === row.trajectoryId;
    this.report({
      rowNumber: row.rowNumber,
      outcome: 'REFUSED',
      problems: [
        repeated
          ? rowProblem('row', 'ROW_REPEATS_ROW', { row: earlier.rowNumber })
          : rowProblem('nationalNumber', 'ROW_SAME_NEWCOMER_AS_ROW', { row: earlier.rowNumber }),
      ],
    });
  }

  private startsOf(
    rows: readonly OpeningRow[],
    results: readonly AppendManyResult[],
  ): PendingWorkflowStart[] {
    return rows.flatMap((row, index) =>
      results[index].status === 'appended'
        ? [{ trajectoryId: row.trajectoryId, dueAt: row.dueAt ?? null, reason: 'BULK_OPENING' as const }]
        : [],
    );
  }

  private report(report: RowReport): void {
    this.options.onProblem?.(report);
    this.settle(report);
  }

  private settle(result: CaseloadRowResult): void {
    this.summary.outcomes[result.outcome] += 1;
    if (result.outcome === 'OPENED') this.summary.workflowStartsQueued += 1;
    this.options.onOutcome?.(result);
  }
}
