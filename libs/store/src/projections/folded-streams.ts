import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { fold, TrajectoryEvent, TrajectoryState, upcastTrajectoryEvent } from '../../../domain/src';
import { TrajectoryStateRecord } from '../entities';
import { isoInstant } from './iso-instant';
import type { FoldedStream } from './projection';
import { TableRows } from './table-rows';

const tables = new WeakMap<EntityMetadata, TableRows>();

/** The set writer of an entity's table (one per entity metadata). */
export function tableRowsOf(manager: EntityManager, entity: new () => ObjectLiteral): TableRows {
  const metadata = manager.connection.getMetadata(entity);
  let table = tables.get(metadata);
  if (!table) tables.set(metadata, (table = new TableRows(metadata)));
  return table;
}

/** A stored fold (table trajectory_states) as read. */
export interface StoredStateRow {
  stream_id: string;
  version: number;
  last_occurred_at: Date;
  state: TrajectoryState;
}

export interface StreamBeforeAppend {
  /** The stream folded up to the append's expected version; undefined for a new stream. */
  stream: FoldedStream | undefined;
  /**
   * Whether the read-model rows are known to be the mapping of `stream`. Not so when no state was stored for it
   * (a stream written before states were stored): then the stream is folded from its events and its rows replaced.
   */
  rowsMatchState: boolean;
}

/**
 * What the caller already holds of the stored folds: `known` states (read from trajectory_states by the caller) at
 * the append's versions are not read again, a stored state at the same version being the same fold; `preloaded`
 * rows are the stored folds themselves, read with the append's other evidence (then nothing is read here).
 */
export interface StatesGiven {
  known?: ReadonlyMap<string, TrajectoryState>;
  preloaded?: readonly StoredStateRow[];
}

/**
 * The stored folds of streams at the given versions (one query for all), or the fold of a stream's events when none
 * is stored at that version. `known` states (read from trajectory_states by the caller) at those versions are not
 * read again: a stored state at the same version is the same fold.
 */
export async function streamsBeforeAppend(
  manager: EntityManager,
  streams: readonly { streamId: string; version: number }[],
  given: StatesGiven = {},
): Promise<Map<string, StreamBeforeAppend>> {
  const before = new Map<string, StreamBeforeAppend>();
  const written = streams.filter(({ version }) => version > 0);
  const { known, preloaded } = given;
  const knownAt = (streamId: string, version: number) => {
    const state = known?.get(streamId);
    return state?.version === version ? state : undefined;
  };
  const stored: readonly (Omit<StoredStateRow, 'state'> & { state: TrajectoryState | null })[] =
    preloaded ??
    (written.length
      ? await manager.query(
          `SELECT stream_id, version, last_occurred_at, CASE WHEN stream_id = ANY($2::text[]) THEN NULL ELSE state END AS state
             FROM trajectory_states WHERE stream_id = ANY($1::text[])`,
          [
            written.map(({ streamId }) => streamId),
            written.flatMap(({ streamId, version }) => (knownAt(streamId, version) ? [streamId] : [])),
          ],
        )
      : []);
  const storedById = new Map(stored.map((row) => [row.stream_id, row]));
  for (const { streamId, version } of streams) {
    const row = storedById.get(streamId);
    const state = row?.version === version ? (row.state ?? knownAt(streamId, version)) : undefined;
    if (version === 0) before.set(streamId, { stream: undefined, rowsMatchState: true });
    else if (state)
      before.set(streamId, {
        stream: { streamId, state, lastOccurredAt: row!.last_occurred_at },
        rowsMatchState: true,
      });
    else before.set(streamId, await foldedFromEvents(manager, streamId, version));
  }
  return before;
}

async function foldedFromEvents(
  manager: EntityManager,
  streamId: string,
  version: number,
): Promise<StreamBeforeAppend> {
  const records = await manager.query<EventColumns[]>(
    `SELECT type, schema_version, occurred_at, data FROM events
      WHERE stream_id = $1 AND version <= $2 ORDER BY version`,
    [streamId, version],
  );
  const events = records.map(toTrajectoryEvent);
  const state = fold(events);
  if (!state || events.length !== version) {
    throw new Error(`stream ${streamId} has ${events.length} events, not the ${version} the append expects`);
  }
  return {
    stream: { streamId, state, lastOccurredAt: records[records.length - 1].occurred_at },
    rowsMatchState: false,
  };
}

export function stateRow(stream: FoldedStream): TrajectoryStateRecord {
  return Object.assign(new TrajectoryStateRecord(), {
    streamId: stream.streamId,
    version: stream.state.version,
    lastOccurredAt: stream.lastOccurredAt,
    state: stream.state,
  });
}

/** The columns of an event row that the fold needs. */
export interface EventColumns {
  type: string;
  schema_version: number;
  occurred_at: Date;
  data: unknown;
}

export function toTrajectoryEvent(record: EventColumns): TrajectoryEvent {
  return upcastTrajectoryEvent({
    type: record.type,
    schemaVersion: record.schema_version,
    occurredAt: isoInstant(record.occurred_at.getTime()),
    data: record.data,
  } as TrajectoryEvent);
}
