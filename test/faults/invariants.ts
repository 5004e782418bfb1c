import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import { fold } from '../../libs/domain/src';
import { canonicalJson } from '../../libs/store/src/canonical-json';
import { TrajectoryStateRecord } from '../../libs/store/src/entities';
import {
  EventColumns,
  stateRow,
  tableRowsOf,
  toTrajectoryEvent,
} from '../../libs/store/src/projections/folded-streams';
import { READ_MODELS } from '../../libs/store/src/projections/read-models';
import { rebuildReadModels } from '../../libs/store/src/projections/rebuild-read-models';
import { readModelTables } from '../store/read-model-assertions';
import { foldedState } from '../support/folded-state';
import type { TestSystem } from '../support/system';
import { SentCommand } from './load';

export interface EventAccounting {
  /** Events a 2xx answer announced that the events table does not hold. */
  lost: number;
  /** Events beyond those the 2xx answers announced (twice for one key, or without any command). */
  duplicated: number;
  /** Events of commands answered 4xx. */
  ofRefused: number;
  /** Streams whose versions are not 1..n. */
  gaps: string[];
}

/**
 * Compares the events table with what the API answered, command by command (by Idempotency-Key). `streams`: only
 * these trajectories' events (a database other test files write to at the same time); by default every event.
 */
export async function accountForEvents(
  system: Pick<TestSystem, 'database'>,
  sent: SentCommand[],
  streams?: string[],
): Promise<EventAccounting> {
  const within = streams ? 'WHERE stream_id = ANY($1)' : '';
  const rows: { stream_id: string; key: string | null; count: number }[] = await system.database.query(
    `SELECT stream_id, metadata->>'idempotencyKey' AS key, count(*)::int AS count FROM events ${within} GROUP BY 1, 2`,
    streams ? [streams] : [],
  );
  const stored = new Map(rows.map((row) => [`${row.stream_id} ${row.key}`, row.count]));
  const accounting: EventAccounting = { lost: 0, duplicated: 0, ofRefused: 0, gaps: [] };
  const explained = new Set<string>();
  for (const command of sent) {
    const trajectoryId = command.answer.trajectoryId ?? trajectoryOf(command.path);
    const entry = `${trajectoryId} ${command.key}`;
    const count = stored.get(entry) ?? 0;
    explained.add(entry);
    if (command.status >= 400) {
      accounting.ofRefused += count;
      continue;
    }
    const announced = command.answer.events?.length ?? 1;
    if (count < announced) accounting.lost += announced - count;
    if (count > announced) accounting.duplicated += count - announced;
  }
  for (const row of rows)
    if (!explained.has(`${row.stream_id} ${row.key}`)) accounting.duplicated += row.count;

  const versions: { stream_id: string; contiguous: boolean }[] = await system.database.query(
    `SELECT stream_id, max(version) = count(*) AND min(version) = 1 AS contiguous FROM events ${within}
      GROUP BY stream_id`,
    streams ? [streams] : [],
  );
  accounting.gaps = versions.filter((row) => !row.contiguous).map((row) => row.stream_id);
  return accounting;
}

function trajectoryOf(path: string): string | undefined {
  return /^\/trajectories\/([^/]+)\//.exec(path)?.[1];
}

/** Runs `check` over `items`, `concurrency` at a time (the checks are independent reads). */
async function eachConcurrently<T>(
  items: T[],
  check: (item: T) => Promise<void>,
  concurrency = 8,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await check(items[next++]!);
    }),
  );
}

/** Retries every command once more with its key: a 2xx or 4xx answer must come back unchanged. */
export async function divergingRetries(system: TestSystem, sent: SentCommand[]): Promise<string[]> {
  const diverging: string[] = [];
  await eachConcurrently(sent, async (command) => {
    const again = await system
      .http(command.identity)
      .post(command.path)
      .set('Idempotency-Key', command.key)
      .send(command.body);
    const sameAnswer =
      again.status === command.status &&
      (command.status >= 400 || JSON.stringify(again.body) === JSON.stringify(command.answer));
    if (!sameAnswer) diverging.push(`${command.key}: ${command.status} then ${again.status}`);
  });
  return diverging;
}

/** The read models as the appends left them, against a rebuild from the events: the tables that differ. */
export async function readModelsDifferingFromRebuild(system: TestSystem): Promise<string[]> {
  const before = await readModelTables(system.database);
  await rebuildReadModels(system.database);
  const after = await readModelTables(system.database);
  return Object.keys(before).filter(
    (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
  );
}

/**
 * The stored state and read-model rows of these trajectories that differ from the mappings of their events' fold
 * (as `table trajectoryId`): what a rebuild would write for them, without rebuilding a database other tests share.
 */
export async function readModelsDifferingFromFold(
  database: DataSource,
  trajectoryIds: string[],
): Promise<string[]> {
  const manager = database.manager;
  const differing: string[] = [];
  for (const streamId of trajectoryIds) {
    const records = await manager.query<EventColumns[]>(
      'SELECT type, schema_version, occurred_at, data FROM events WHERE stream_id = $1 ORDER BY version',
      [streamId],
    );
    const state = fold(records.map(toTrajectoryEvent));
    if (!state) {
      differing.push(`events ${streamId}`);
      continue;
    }
    const stream = { streamId, state, lastOccurredAt: records[records.length - 1]!.occurred_at };
    const expected: [new () => object, object[]][] = [
      [TrajectoryStateRecord, [stateRow(stream)]],
      ...READ_MODELS.map((model): [new () => object, object[]] => [model.entity, model.rows(stream)]),
    ];
    for (const [entity, rows] of expected) {
      const table = tableRowsOf(manager, entity);
      const byTrajectory = table.metadata.columns.find((column) =>
        ['trajectory_id', 'stream_id'].includes(column.databaseName),
      )!;
      const stored = await manager.find(entity, { where: { [byTrajectory.propertyName]: streamId } });
      const asColumns = (list: object[]) => list.map((row) => canonicalJson(table.toColumns(row))).sort();
      if (!isDeepStrictEqual(asColumns(stored), asColumns(rows)))
        differing.push(`${table.metadata.tableName} ${streamId}`);
    }
  }
  return differing;
}

/** Trajectories whose workflow's state differs from the fold of their stream. */
export async function workflowsDifferingFromStreams(
  system: Pick<TestSystem, 'database' | 'temporal'>,
  trajectoryIds: string[],
): Promise<string[]> {
  const differing: string[] = [];
  await eachConcurrently(trajectoryIds, async (trajectoryId) => {
    const fromEvents = await foldedState(system.database, trajectoryId);
    const fromWorkflow = await system.temporal.workflow
      .getHandle(`trajectory-${trajectoryId}`)
      .query('trajectoryState');
    if (!isDeepStrictEqual(asJson(fromWorkflow), asJson(fromEvents))) differing.push(trajectoryId);
  });
  return differing;
}

/** What crosses Temporal's JSON payloads: undefined properties vanish. */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
