import { evolve, TrajectoryState } from '../../../domain/src';
import { CopyColumn, CopyText } from './copy-text';
import { decodeEventRows } from './event-rows';
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
  return (piece) => {
    const records = decodeEventRows(piece);
    const text = tables.map((): string[] => []);
    const bytes = tables.map(() => 0);
    const rows = tables.map(() => 0);
    const add = (table: number, mapped: readonly object[]) => {
      const lines = encoders[table].lines(mapped);
      text[table].push(lines);
      bytes[table] += Buffer.byteLength(lines);
      rows[table] += mapped.length;
    };
    let streams = 0;
    const finish = (stream: FoldedStream) => {
      streams += 1;
      add(0, [stateRow(stream)]);
      READ_MODELS.forEach((model, index) => add(index + 1, model.rows(stream)));
    };
    let current: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date } | undefined;
    for (const record of records) {
      if (record.stream_id !== current?.streamId) {
        if (current) finish(folded(current));
        current = { streamId: record.stream_id };
      }
      current.state = evolve(current.state, toTrajectoryEvent(record));
      current.lastOccurredAt = record.occurred_at;
    }
    if (current) finish(folded(current));
    return {
      events: records.length,
      streams,
      tables: text.map((lines, index) => ({ lines: ownBuffer(lines, bytes[index]), rows: rows[index] })),
    };
  };
}

function folded(stream: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date }): FoldedStream {
  if (!stream.state || !stream.lastOccurredAt) throw new Error(`stream ${stream.streamId} has no events`);
  return { streamId: stream.streamId, state: stream.state, lastOccurredAt: stream.lastOccurredAt };
}

/**
 * The texts as UTF-8, one after the other, in a buffer of their own (not a slice of Node's shared pool, which a
 * transfer would take away), written where they go: concatenating the strings and encoding the result cost ~40 % more.
 */
function ownBuffer(texts: readonly string[], bytes: number): Buffer {
  const buffer = Buffer.allocUnsafeSlow(bytes);
  let at = 0;
  for (const text of texts) at += buffer.write(text, at);
  return buffer;
}
