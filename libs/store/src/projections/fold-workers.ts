import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FoldedPiece, RebuiltTables, TableText } from './fold-piece';
import type { FoldWorkerMessage } from './fold-worker';
import type { SummedGroups } from './summed-rows';
import { startModuleWorker } from './module-worker';

const WORKER_MODULE = join(__dirname, `fold-worker${extname(__filename)}`);
/**
 * A fold makes much short-lived garbage (a state per event, rows, strings): with V8's default young generation
 * (16 MiB semi-spaces) much of it is copied and promoted before it dies; 128 MiB (32 MiB semi-spaces) cut the
 * thread's CPU time by ~15 % (README, Rebuild speed).
 */
const YOUNG_GENERATION_MB = 128;

interface Waiting {
  /** The thread's answer as it came (a folded piece, or its sums). */
  resolve(answer: unknown): void;
  reject(error: unknown): void;
}

/**
 * Worker threads that fold pieces of streams (fold-worker): each piece goes to the thread with the fewest waiting,
 * transferred, and its rows come back the same way. A thread answers its pieces in the order it got them. When a
 * thread fails, every piece still waiting fails with its error, and so does every later one.
 */
export class FoldWorkers {
  private readonly threads: { worker: Worker; waiting: Waiting[] }[];
  private failure: { error: unknown } | undefined;

  constructor(count: number, tables: RebuiltTables) {
    this.threads = Array.from({ length: count }, () => {
      const thread = {
        worker: startModuleWorker(WORKER_MODULE, tables, {
          maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
        }),
        waiting: [] as Waiting[],
      };
      thread.worker.on('message', (answer: unknown) => thread.waiting.shift()?.resolve(answer));
      thread.worker.on('error', (error) => this.fail(error));
      thread.worker.on('exit', (code) => this.fail(new Error(`a rebuild's worker thread exited (${code})`)));
      return thread;
    });
  }

  fold(piece: Buffer): Promise<FoldedPiece> {
    if (this.failure) return Promise.reject(this.failure.error);
    const thread = this.threads.reduce((idlest, next) =>
      next.waiting.length < idlest.waiting.length ? next : idlest,
    );
    const folded = this.ask<FoldedPiece>(thread, piece, [piece.buffer as ArrayBuffer]).then((answer) => ({
      ...answer,
      tables: received(answer.tables),
    }));
    // A failure reaches whoever awaits the piece; pieces no one awaits any more are not unhandled rejections.
    folded.catch(() => undefined);
    return folded;
  }

  /**
   * The rows of the sums tables (PieceFolder.sumsText) once every piece sent is folded: the first thread merges the
   * other threads' sums into its own.
   */
  async sumsText(offices: ReadonlyMap<string, string>): Promise<TableText> {
    if (this.failure) throw this.failure.error;
    const [first, ...others] = this.threads;
    const more = await Promise.all(others.map((thread) => this.ask<SummedGroups>(thread, 'sums', [])));
    return received(await this.ask<TableText>(first, { offices, more }, []));
  }

  private ask<Answer>(
    thread: { worker: Worker; waiting: Waiting[] },
    message: FoldWorkerMessage,
    transfer: ArrayBuffer[],
  ): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      thread.waiting.push({ resolve: resolve as (answer: unknown) => void, reject });
      thread.worker.postMessage(message, transfer);
    });
  }

  async close(): Promise<void> {
    this.failure ??= { error: new Error("the rebuild's worker threads were closed") };
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    for (const { waiting } of this.threads) {
      for (const { reject } of waiting.splice(0)) reject(this.failure.error);
    }
  }
}

/** The line buffers as Buffers again (a transfer delivers them as plain Uint8Arrays). */
function received(tables: TableText): TableText {
  return tables.map(({ lines, rows }) => ({
    lines: Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength),
    rows,
  }));
}
