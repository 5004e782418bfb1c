import { evolve, TrajectoryState } from '../../../domain/src';
import { CopyColumn, CopyText } from './copy-text';
import { decodeEventRows } from './event-rows';
import { stateRow, toTrajectoryEvent } from './folded-streams';
import type { FoldedStream } from './projection';
import { READ_MODELS, SUMMED_READ_MODELS } from './read-models';
import { type SummedGroups, SumsOfRows, type SumsTableColumns, sumsTablesText } from './summed-rows';

/**
 * The tables a rebuild writes, by their columns: the stored states first, then READ_MODELS in their order; and the
 * sums tables of SUMMED_READ_MODELS, in their order.
 */
export interface RebuiltTables {
  tables: readonly (readonly CopyColumn[])[];
  sums: readonly SumsTableColumns[];
}

/** Per table: its rows as COPY text, and how many. */
export type TableText = { lines: Buffer; rows: number }[];

/** What a piece of whole streams maps to: per table of `RebuiltTables`, its rows as COPY text. */
export interface FoldedPiece {
  events: number;
  streams: number;
  tables: TableText;
}

/** Folds pieces of streams one after the other (see `pieceFolder`). */
export interface PieceFolder {
  fold(piece: Buffer): FoldedPiece;
  /** The sums of the summed read models' rows of every piece folded so far (see SumsOfRows). */
  sums(): SummedGroups;
  /**
   * The rows of the sums tables as COPY text (see sumsTablesText): the sums of every piece folded here and of
   * `more` (other threads' `sums`), with the counsellors' `offices`.
   */
  sumsText(offices: ReadonlyMap<string, string>, more: readonly SummedGroups[]): TableText;
}

/**
 * Folds pieces of whole streams (see eventsInStreamOrder) with the domain's `evolve` and maps each stream to the rows
 * of every table: the states and the read models, as lines of COPY text; the summed read models' rows are summed as
 * they go (SumsOfRows over SUMMED_READ_MODELS), for the sums tables. Pure and plain data both ways, so that it runs on
 * this thread or in a worker thread (fold-worker) alike. Each line buffer owns its memory, for a transfer.
 */
export function pieceFolder({ tables, sums: sumsTables }: RebuiltTables): PieceFolder {
  if (tables.length !== READ_MODELS.length + 1) throw new Error('the rebuilt tables are not the read models');
  const encoders = tables.map((columns) => new CopyText(columns));
  const sums = new SumsOfRows(SUMMED_READ_MODELS);
  const summed = READ_MODELS.map((model) => SUMMED_READ_MODELS.indexOf(model as never));
  const fold = (piece: Buffer): FoldedPiece => {
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
      READ_MODELS.forEach((model, index) => {
        const mapped = model.rows(stream);
        add(index + 1, mapped);
        if (summed[index] >= 0) sums.add(summed[index], mapped);
      });
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
  return {
    fold,
    sums: () => sums.groups,
    sumsText: (offices, more) => sumsTablesText(SUMMED_READ_MODELS, sums, more, sumsTables, offices),
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
