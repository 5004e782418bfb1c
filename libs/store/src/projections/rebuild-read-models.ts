import { DataSource, EntityManager } from 'typeorm';
import { evolve, TrajectoryState } from '../../../domain/src';
import { ProjectionCheckpointRecord, TrajectoryStateRecord } from '../entities';
import { EventColumns, stateRow, tableRowsOf, toTrajectoryEvent } from './folded-streams';
import type { FoldedStream } from './projection';
import { READ_MODELS } from './read-models';
import type { TableRows } from './table-rows';

export const READ_MODELS_CHECKPOINT = 'read-models';

export interface RebuildResult {
  eventsReplayed: number;
  streams: number;
  /** Position of the last event in the store ('0' for an empty store). */
  position: string;
}

export interface RebuildOptions {
  /** Events read per query. */
  batchSize?: number;
  /** Rows written per statement and table. */
  rowsPerInsert?: number;
}

/**
 * Recomputes the stored states and every read model from the events, in one transaction: each stream is folded with
 * the domain's own `evolve`, mapped to rows by the same read models the append uses, and the rows are written in
 * sets (one INSERT per table per `rowsPerInsert` rows). Appends wait meanwhile (SHARE lock on events), readers of
 * the read models too (TRUNCATE). The outbox is kept: messages are caused by events once, a rebuild sends nothing.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 20_000;
  const rowsPerInsert = options.rowsPerInsert ?? 5_000;
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE events IN SHARE MODE');
    const states = tableRowsOf(manager, TrajectoryStateRecord);
    const models = READ_MODELS.map((model) => ({ model, table: tableRowsOf(manager, model.entity) }));
    await manager.query(
      `TRUNCATE ${[states, ...models.map(({ table }) => table)].map((table) => table.metadata.tableName).join(', ')}`,
    );

    const buffers = new Map<TableRows, Record<string, unknown>[]>();
    const write = async (table: TableRows, rows: Record<string, unknown>[], flushAt: number) => {
      const buffer = buffers.get(table) ?? [];
      buffer.push(...rows);
      if (buffer.length >= flushAt) {
        await table.insert(manager, buffer);
        buffers.set(table, []);
      } else buffers.set(table, buffer);
    };
    let streams = 0;
    const finish = async (stream: FoldedStream) => {
      streams += 1;
      await write(states, [states.toColumns(stateRow(stream))], rowsPerInsert);
      for (const { model, table } of models) {
        await write(
          table,
          model.rows(stream).map((row) => table.toColumns(row)),
          rowsPerInsert,
        );
      }
    };

    let eventsReplayed = 0;
    let current: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date } | undefined;
    let after: [streamId: string, version: number] | undefined;
    for (;;) {
      const batch = await readEvents(manager, after, batchSize);
      for (const record of batch) {
        if (record.stream_id !== current?.streamId) {
          if (current) await finish(folded(current));
          current = { streamId: record.stream_id };
        }
        current.state = evolve(current.state, toTrajectoryEvent(record));
        current.lastOccurredAt = record.occurred_at;
      }
      eventsReplayed += batch.length;
      if (batch.length < batchSize) break;
      const last = batch[batch.length - 1];
      after = [last.stream_id, last.version];
    }
    if (current) await finish(folded(current));
    for (const [table] of buffers) await write(table, [], 0);

    const [{ position }] = await manager.query<{ position: string }[]>(
      'SELECT COALESCE(max(position), 0)::text AS position FROM events',
    );
    await manager.upsert(
      ProjectionCheckpointRecord,
      { name: READ_MODELS_CHECKPOINT, position, updatedAt: new Date() },
      ['name'],
    );
    return { eventsReplayed, streams, position };
  });
}

type StreamEventColumns = EventColumns & { stream_id: string; version: number };

/** The next events in (stream, version) order, after the given one: the unique index's order. */
function readEvents(
  manager: EntityManager,
  after: [string, number] | undefined,
  limit: number,
): Promise<StreamEventColumns[]> {
  return manager.query(
    `SELECT stream_id, version, type, schema_version, occurred_at, data FROM events
      ${after ? 'WHERE (stream_id, version) > ($2, $3)' : ''}
      ORDER BY stream_id, version LIMIT $1`,
    after ? [limit, ...after] : [limit],
  );
}

function folded(stream: { streamId: string; state?: TrajectoryState; lastOccurredAt?: Date }): FoldedStream {
  if (!stream.state || !stream.lastOccurredAt) throw new Error(`stream ${stream.streamId} has no events`);
  return { streamId: stream.streamId, state: stream.state, lastOccurredAt: stream.lastOccurredAt };
}
