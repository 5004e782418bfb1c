import { parentPort, workerData } from 'node:worker_threads';
import { pieceFolder, type RebuiltTables } from './fold-piece';
import type { SummedGroups } from './summed-rows';

/** What a worker is sent: a piece to fold, 'sums' for its sums, or the offices (and other threads' sums) for the sums tables' rows. */
export type FoldWorkerMessage =
  Uint8Array | 'sums' | { offices: ReadonlyMap<string, string>; more: readonly SummedGroups[] };

/**
 * A worker thread of a rebuild (see FoldWorkers): folds each piece of streams it is sent and answers its rows, the
 * line buffers transferred rather than copied; sent 'sums', answers the sums of the summed rows of all its pieces,
 * and sent the offices, the sums tables' rows (PieceFolder.sumsText).
 * A piece that fails to fold fails the worker (its 'error' event).
 */
const port = parentPort;
if (port) {
  const folder = pieceFolder(workerData as RebuiltTables);
  port.on('message', (piece: FoldWorkerMessage) => {
    if (piece === 'sums') {
      port.postMessage(folder.sums());
      return;
    }
    if (!(piece instanceof Uint8Array)) {
      const text = folder.sumsText(piece.offices, piece.more);
      port.postMessage(
        text,
        text.map(({ lines }) => lines.buffer as ArrayBuffer),
      );
      return;
    }
    const folded = folder.fold(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    port.postMessage(
      folded,
      folded.tables.map(({ lines }) => lines.buffer as ArrayBuffer),
    );
  });
}
