import { evolve, TrajectoryState } from '../../../domain/src';
import { CopyColumn, CopyText } from './copy-text';
import { eventRowsOf } from './event-rows';
import { stateRow, toTrajectoryEvent } from './folded-streams';
import type { FoldedStream } from './projection';
import { READ_MODELS } from './read-models';

/** The tables a rebuild writes, by their columns: the stored states first, then READ_MODELS in their order. */
export type RebuiltTables = readonly (readonly CopyColumn[])[];

/** What a piece of whole streams maps to: per table of `RebuiltTables`, its rows as COPY text. */
export interface FoldedPiece {
  events: number;
  streams: number;
  tables: { lines: Buffer; rows: number }[];
}

/**
 * Folds pieces of whole streams (see eventsInStreamOrder) with the domain's `evolve` and maps each stream to the rows
 * of every table: the states and the read models, as lines of COPY text. Pure and plain data both ways, so that it runs
 * on this thread or in a worker thread (fold-worker) alike. Each line buffer owns its memory, for a transfer.
 */
export function pieceFolder(tables: RebuiltTables): (piece: Buffer) => FoldedPiece {
  if (tables.length !== READ_MODELS.length + 1) throw new Error('the rebuilt tables are not the read models');
  const encoders = tables.map((columns) => new CopyText(columns));
  // Each table's text of the piece before: the next piece's buffer starts that large (pieces are alike).
  const lastBytes = tables.map(() => 64 << 10);
  return (piece) => {
    const text = lastBytes.map((bytes) => new LineBuffer(bytes + (bytes >> 2)));
    const rows = tables.map(() => 0);
    const add = (table: number, mapped: readonly object[]) => {
      text[table].write(encoders[table].lines(mapped));
      rows[table] += mapped.length;
    };
    let streams = 0;
    const finish = (stream: FoldedStream) => {
      streams += 1;
      add(0, [stateRow(stream)]);
      READ_MODELS.forEach((model, index) => add(index + 1, model.rows(stream)));
    };
    let current: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date } | undefined;
    let events = 0;
    for (const record of eventRowsOf(piece)) {
      events += 1;
      if (record.stream_id !== current?.streamId) {
        if (current) finish(folded(current));
        current = { streamId: record.stream_id };
      }
      current.state = evolve(current.state, toTrajectoryEvent(record));
      current.lastOccurredAt = record.occurred_at;
    }
    if (current) finish(folded(current));
    return {
      events,
      streams,
      tables: text.map((lines, index) => {
        const written = lines.written();
        lastBytes[index] = written.length;
        return { lines: written, rows: rows[index] };
      }),
    };
  };
}

function folded(stream: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date }): FoldedStream {
  if (!stream.state || !stream.lastOccurredAt) throw new Error(`stream ${stream.streamId} has no events`);
  return { streamId: stream.streamId, state: stream.state, lastOccurredAt: stream.lastOccurredAt };
}

/**
 * Texts written as UTF-8 one after the other into a buffer of its own (not a slice of Node's shared pool, which a
 * transfer would take away), grown when a text might not fit: measuring each text's bytes first, to allocate the
 * buffer once, cost a pass over all of them (190 MB in a rebuild of 293,867 events).
 */
class LineBuffer {
  private buffer: Buffer;
  private used = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = this.buffer.length - this.used;
    if (room < 3 * text.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.used + 3 * text.length));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** What was written, in the buffer's memory (its first bytes). */
  written(): Buffer {
    return this.buffer.subarray(0, this.used);
  }
}
