import { parentPort, workerData } from 'node:worker_threads';
import { pieceFolder, type RebuiltTables } from './fold-piece';

/**
 * A worker thread of a rebuild (see FoldWorkers): folds each piece of streams it is sent and answers its rows, the
 * line buffers transferred rather than copied. A piece that fails to fold fails the worker (its 'error' event).
 */
const port = parentPort;
if (port) {
  const fold = pieceFolder(workerData as RebuiltTables);
  port.on('message', (piece: Uint8Array) => {
    const folded = fold(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    port.postMessage(
      folded,
      folded.tables.map(({ lines }) => lines.buffer as ArrayBuffer),
    );
  });
}
