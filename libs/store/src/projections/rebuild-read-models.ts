import { DataSource, EntityManager } from 'typeorm';
import { evolve, TrajectoryState } from '../../../domain/src';
import { ProjectionCheckpointRecord, TrajectoryStateRecord } from '../entities';
import { EventColumns, stateRow, tableRowsOf, toTrajectoryEvent } from './folded-streams';
import type { FoldedStream } from './projection';
import { READ_MODELS } from './read-models';
import { rebuildSums } from './summed-read-models';
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

    const secondaryIndexes = await dropSecondaryIndexes(manager, [
      states,
      ...models.map(({ table }) => table),
    ]);
    // Inserts are not awaited one by one: they queue behind each other, so PostgreSQL writes a set of rows while
    // the next streams are folded here; the next read (and the end) waits for them.
    const inserts = new SerialStatements();
    const buffers = new Map<TableRows, Record<string, unknown>[]>();
    const write = (table: TableRows, rows: Record<string, unknown>[], flushAt: number) => {
      const buffer = buffers.get(table) ?? [];
      buffer.push(...rows);
      if (buffer.length >= flushAt) {
        inserts.send(() => table.insert(manager, buffer));
        buffers.set(table, []);
      } else buffers.set(table, buffer);
    };
    let streams = 0;
    const finish = (stream: FoldedStream) => {
      streams += 1;
      write(states, [states.toColumns(stateRow(stream))], rowsPerInsert);
      for (const { model, table } of models) {
        write(
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
      const from = after;
      const batch = await inserts.run(() => readEvents(manager, from, batchSize));
      for (const record of batch) {
        if (record.stream_id !== current?.streamId) {
          if (current) finish(folded(current));
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
    if (current) finish(folded(current));
    for (const [table] of buffers) write(table, [], 0);
    await inserts.settled();
    for (const definition of secondaryIndexes) await manager.query(definition);
    await rebuildSums(manager);

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

/**
 * Statements on the transaction's one connection, one after the other (a connection runs one at a time); `send`
 * does not wait for its statement, the first failure is thrown by the next `run` or by `settled`.
 */
class SerialStatements {
  private tail: Promise<unknown> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  send(statement: () => Promise<void>): void {
    this.tail = this.tail.then(statement).catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  async run<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      if (this.failure) throw this.failure.error;
      return statement();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  async settled(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Drops the tables' indexes other than primary keys and constraints, answering their definitions: building an
 * index once over the loaded rows is cheaper than maintaining it row by row. Unique indexes are checked when they
 * are built again, inside the same transaction.
 */
async function dropSecondaryIndexes(manager: EntityManager, tables: readonly TableRows[]): Promise<string[]> {
  const indexes = await manager.query<{ name: string; definition: string }[]>(
    `SELECT index.indexrelid::regclass::text AS name, pg_get_indexdef(index.indexrelid) AS definition
       FROM pg_index index
      WHERE index.indrelid = ANY($1::regclass[]) AND NOT index.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = index.indexrelid)`,
    [tables.map((table) => table.metadata.tableName)],
  );
  for (const { name } of indexes) await manager.query(`DROP INDEX ${name}`);
  return indexes.map(({ definition }) => definition);
}
