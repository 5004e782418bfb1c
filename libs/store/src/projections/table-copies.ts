import type { ClientBase } from 'pg';
import type { TableRows } from './table-rows';

/**
 * Lines of COPY text (see CopyText) for several tables, written with one COPY per `rowsPerCopy` rows or `bytesPerCopy`
 * bytes and table, whichever comes first (few large statements: each has its cost, the read models' statement triggers
 * fire once per statement). With `freeze`, the rows are written frozen (COPY FREEZE: the tables were emptied in this
 * transaction; no hint bits to set nor rows to freeze afterwards). The statements run one after the
 * other on the connection (it runs one at a time) while the caller prepares the next rows; `ready` holds the caller
 * back while more than `maxQueuedBytes` of text wait, so memory stays bounded. Many bytes may wait: the rows come in
 * bursts (a piece's rows of every table at once), and while the caller waits the writing backend alone is busy. The
 * first failure is thrown by the next `ready` or by `flush`.
 */
export class TableCopies {
  private readonly buffers = new Map<TableRows, Buffered>();
  private queued: { done: Promise<void>; bytes: number }[] = [];
  private queuedBytes = 0;
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly client: ClientBase,
    private readonly sizes: {
      rowsPerCopy: number;
      bytesPerCopy: number;
      freeze: boolean;
      /** Larger statements for some tables (see rebuildReadModels: those with statement triggers). */
      larger?: { tables: ReadonlySet<TableRows>; rowsPerCopy: number; bytesPerCopy: number };
    },
    private readonly maxQueuedBytes = 64 << 20,
  ) {}

  /** Adds `rows` rows: their lines, in the table's `copyColumns` order. */
  add(table: TableRows, lines: Buffer, rows: number): void {
    if (!rows) return;
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = { lines: [], rows: 0, bytes: 0 }));
    buffer.lines.push(lines);
    buffer.rows += rows;
    buffer.bytes += lines.length;
    const { rowsPerCopy, bytesPerCopy } = this.sizes.larger?.tables.has(table)
      ? this.sizes.larger
      : this.sizes;
    if (buffer.rows >= rowsPerCopy || buffer.bytes >= bytesPerCopy) this.send(table, buffer);
  }

  async ready(): Promise<void> {
    while (this.queuedBytes > this.maxQueuedBytes) {
      const oldest = this.queued.shift()!;
      await oldest.done;
      this.queuedBytes -= oldest.bytes;
    }
    this.throwFailure();
  }

  /** Writes the rows still buffered and waits for every statement. */
  async flush(): Promise<void> {
    for (const [table, buffer] of this.buffers) this.send(table, buffer);
    await this.tail;
    this.queued = [];
    this.queuedBytes = 0;
    this.throwFailure();
  }

  /** Waits for the statements sent so far, whatever their outcome, sending nothing more (before a rollback). */
  async idle(): Promise<void> {
    await this.tail;
  }

  private send(table: TableRows, buffer: Buffered): void {
    const { lines, bytes } = buffer;
    buffer.lines = [];
    buffer.rows = 0;
    buffer.bytes = 0;
    if (!lines.length) return;
    this.tail = this.tail
      .then(() => (this.failure ? undefined : table.copy(this.client, lines, this.sizes.freeze)))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    this.queued.push({ done: this.tail, bytes });
    this.queuedBytes += bytes;
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}

interface Buffered {
  lines: Buffer[];
  rows: number;
  bytes: number;
}
