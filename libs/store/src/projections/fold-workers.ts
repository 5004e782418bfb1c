import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FoldedPiece, RebuiltTables } from './fold-piece';
import { startModuleWorker } from './module-worker';

const WORKER_MODULE = join(__dirname, `fold-worker${extname(__filename)}`);
/**
 * A fold makes much short-lived garbage (a state per event, rows, strings). 128 MiB is its young generation's limit
 * (semi-spaces of up to 32 MiB), which cut the thread's CPU time by ~15 % against V8's default limit when more of the
 * garbage survived. V8 starts the semi-spaces at 1 MiB and grows them only when much survives, which a fold's garbage
 * no longer does: the process starts them at 32 MiB instead (tuneGarbageCollectionForRebuild; docs/performance.md,
 * Rebuild).
 */
const YOUNG_GENERATION_MB = 128;

interface Waiting {
  resolve(folded: FoldedPiece): void;
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
      thread.worker.on('message', (folded: FoldedPiece) => thread.waiting.shift()?.resolve(received(folded)));
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
    const folded = new Promise<FoldedPiece>((resolve, reject) => {
      thread.waiting.push({ resolve, reject });
      thread.worker.postMessage(piece, [piece.buffer as ArrayBuffer]);
    });
    // A failure reaches whoever awaits the piece; pieces no one awaits any more are not unhandled rejections.
    folded.catch(() => undefined);
    return folded;
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
function received(folded: FoldedPiece): FoldedPiece {
  return {
    ...folded,
    tables: folded.tables.map(({ lines, rows }) => ({
      lines: Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength),
      rows,
    })),
  };
}
