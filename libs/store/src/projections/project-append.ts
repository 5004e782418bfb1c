import type { EntityManager } from 'typeorm';
import { evolve, TrajectoryEvent, TrajectoryState } from '../../../domain/src';
import { TrajectoryStateRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import {
  stateRow,
  StatesGiven,
  StoredStateRow,
  StreamBeforeAppend,
  streamsBeforeAppend,
  tableRowsOf,
} from './folded-streams';
import { insertOutboxRows, OutboxRow, outboxRowsStatement } from './partner-outbox.projection';
import type { FoldedStream, ReadModel } from './projection';
import { addPhaseTime, timedPhase } from '../phase-timings';
import { OUTBOX_PROJECTIONS, READ_MODELS, SUMMED_READ_MODELS } from './read-models';
import {
  addSums,
  storedContributions,
  type SumChanges,
  sumChangesOf,
  type SummedReadModel,
} from './summed-read-models';
import { combinedStatement, Statement, TableRows } from './table-rows';

/** New events of a stream, from `firstVersion` on. */
export interface StreamAppend {
  streamId: string;
  firstVersion: number;
  events: readonly TrajectoryEvent[];
}

/** A stream's append folded onto its stored state: what the projection writes, or why the domain cannot fold it. */
export type FoldedAppend =
  | { streamId: string; before: StreamBeforeAppend; after: FoldedStream; outbox: OutboxRow[] }
  | { streamId: string; failure: Error };

/**
 * Inside the append's transaction: folds the new events onto the stream's stored state with the domain's `evolve`,
 * stores the new state, enqueues the messages the events cause, and writes the read-model rows whose mapping
 * changed (one statement per changed table). `storedState`: the stream's stored fold when the caller read it
 * already in this transaction (null: none stored), else it is read here.
 */
export async function projectAppend(
  manager: EntityManager,
  streamId: string,
  firstVersion: number,
  events: readonly TrajectoryEvent[],
  storedState?: StoredStateRow | null,
): Promise<void> {
  const [folded] = await foldAppends(
    manager,
    [{ streamId, firstVersion, events }],
    storedState === undefined ? {} : { preloaded: storedState ? [storedState] : [] },
  );
  if ('failure' in folded) throw folded.failure;
  await writeFoldedAppends(manager, [folded]);
}

/**
 * Folds the appends of many streams (one each) onto their stored states, reading those in one query (only the
 * versions of those the caller passes in `knownStates`); a stream the domain cannot fold gets its failure, the
 * others are unaffected.
 */
export async function foldAppends(
  manager: EntityManager,
  appends: readonly StreamAppend[],
  given: StatesGiven = {},
): Promise<FoldedAppend[]> {
  const befores = await streamsBeforeAppend(
    manager,
    appends.map(({ streamId, firstVersion }) => ({ streamId, version: firstVersion - 1 })),
    given,
  );
  return appends.map(({ streamId, firstVersion, events }) => {
    const before = befores.get(streamId)!;
    let state: TrajectoryState | undefined = before.stream?.state;
    const outbox: OutboxRow[] = [];
    try {
      for (const [index, event] of events.entries()) {
        const previous = state;
        state = foldOne(state, event, streamId, firstVersion + index);
        const recorded = { ...event, streamId, version: firstVersion + index } as RecordedTrajectoryEvent;
        for (const enqueue of OUTBOX_PROJECTIONS) outbox.push(...enqueue(recorded, state, previous));
      }
    } catch (error) {
      return { streamId, failure: error as Error };
    }
    if (!state) return { streamId, failure: new Error(`no events to project on stream ${streamId}`) };
    const after = { streamId, state, lastOccurredAt: new Date(events[events.length - 1].occurredAt) };
    return { streamId, before, after, outbox };
  });
}

/**
 * Writes what the folded appends change: the outbox rows, the states, per read model the rows whose mapping changed
 * (in one statement per table and kind of change whatever the number of streams), and the sums, from the
 * contribution rows that changed (rows alike before and after add nothing to a sum).
 */
export async function writeFoldedAppends(
  manager: EntityManager,
  folded: readonly Exclude<FoldedAppend, { failure: Error }>[],
): Promise<void> {
  if (!folded.length) return;
  const replaced = folded.filter(({ before }) => !before.rowsMatchState);
  const updated = folded.filter(({ before }) => before.rowsMatchState);
  const replacedIds = replaced.map(({ after }) => after.state.trajectoryId);
  // The stored contributions of the streams whose rows are replaced, read before they are: the sums take them away.
  const storedOfReplaced = new Map<ReadModel, Record<string, unknown>[]>();
  for (const model of SUMMED_READ_MODELS)
    storedOfReplaced.set(
      model,
      await storedContributions(manager, tableRowsOf(manager, model.entity).metadata, replacedIds),
    );
  await timedPhase('project: outbox', () =>
    insertOutboxRows(
      manager,
      folded.flatMap(({ outbox }) => outbox),
    ),
  );
  const states = tableRowsOf(manager, TrajectoryStateRecord);
  await timedPhase('project: states', () =>
    states.upsert(
      manager,
      folded.map(({ after }) => states.toColumns(stateRow(after))),
    ),
  );
  const sums = new Map<ReadModel, SumChanges>();
  for (const model of READ_MODELS) {
    const table = tableRowsOf(manager, model.entity);
    const phase = `project: ${table.metadata.tableName}`;
    const mapped = performance.now();
    const replacing = replaced.flatMap(({ after }) => model.rows(after).map((row) => table.toColumns(row)));
    const stored = storedOfReplaced.get(model);
    const { changed, gone, previous } = rowChanges(model, table, updated, stored !== undefined);
    // Written last, with the other shared counts (see READ_MODELS).
    if (stored)
      sums.set(
        model,
        sumChangesOf(
          table.metadata,
          model as SummedReadModel,
          [...stored, ...previous],
          [...replacing, ...changed],
        ),
      );
    addPhaseTime('project: row changes (worker)', performance.now() - mapped);
    await timedPhase(phase, async () => {
      if (replaced.length) {
        await table.deleteTrajectories(manager, replacedIds);
        await table.insert(manager, replacing);
      }
      await table.upsert(manager, changed);
      await table.delete(manager, gone);
    });
  }
  await timedPhase('project: sums', () =>
    addSums(
      manager,
      SUMMED_READ_MODELS.flatMap((model) => sums.get(model) ?? []),
    ),
  );
}

/**
 * What `writeFoldedAppends` writes for one stream's append onto its stored state (read-model rows that are its
 * mapping), in two steps of one transaction: `rows`, ONE statement with `first` (the events' insert), the outbox's
 * messages, the new state and the read-model rows that changed; then `sums`, the changes `addSums` writes (in key
 * order, after the office locks, as `writeFoldedAppends` writes them). Undefined when the stored rows are not the
 * stored state's mapping (then `writeFoldedAppends`, which replaces them).
 */
export function foldedAppendInSteps(
  manager: EntityManager,
  folded: Exclude<FoldedAppend, { failure: Error }>,
  first: Statement,
): { rows: Statement; sums: SumChanges } | undefined {
  if (!folded.before.rowsMatchState) return undefined;
  const states = tableRowsOf(manager, TrajectoryStateRecord);
  const statements = [first];
  if (folded.outbox.length) statements.push(outboxRowsStatement(folded.outbox));
  statements.push(states.upsertStatement([states.toColumns(stateRow(folded.after))]));
  const sums = new Map<ReadModel, SumChanges>();
  for (const model of READ_MODELS) {
    const table = tableRowsOf(manager, model.entity);
    const summed = SUMMED_READ_MODELS.includes(model as SummedReadModel);
    const { changed, gone, previous } = rowChanges(model, table, [folded], summed);
    if (summed) sums.set(model, sumChangesOf(table.metadata, model as SummedReadModel, previous, changed));
    if (changed.length) statements.push(table.upsertStatement(changed));
    if (gone.length) statements.push(table.deleteStatement(gone));
  }
  return {
    rows: combinedStatement(statements),
    sums: SUMMED_READ_MODELS.flatMap((model) => sums.get(model) ?? []).filter(({ deltas }) => deltas.length),
  };
}

/**
 * The rows of `model` whose mapping changed (to upsert), those no longer mapped (their keys, to delete), and, when
 * `withPrevious` (a summed model: the sums take them away), what the stored rows of both were (`previous`).
 */
function rowChanges(
  model: (typeof READ_MODELS)[number],
  table: TableRows,
  updated: readonly { before: StreamBeforeAppend; after: FoldedStream }[],
  withPrevious: boolean,
): {
  changed: Record<string, unknown>[];
  gone: Record<string, unknown>[];
  previous: Record<string, unknown>[];
} {
  const changed: Record<string, unknown>[] = [];
  const gone: Record<string, unknown>[] = [];
  const previous: Record<string, unknown>[] = [];
  for (const { before, after } of updated) {
    // Compared as the model maps them; only the rows that changed are put in their columns' form.
    const storedRows = before.stream ? model.rows(before.stream) : [];
    const mappedRows = model.rows(after);
    // Rows at the same place with the same key (the usual case: a state maps to its rows in a stable order) are
    // compared pairwise; the rest by key.
    let same = 0;
    for (
      ;
      same < storedRows.length &&
      same < mappedRows.length &&
      table.sameKey(storedRows[same], mappedRows[same]);
      same++
    ) {
      if (table.sameRow(storedRows[same], mappedRows[same])) continue;
      changed.push(table.toColumns(mappedRows[same]));
      if (withPrevious) previous.push(table.toColumns(storedRows[same]));
    }
    if (same === storedRows.length && same === mappedRows.length) continue;
    const stored = new Map(storedRows.slice(same).map((row) => [table.keyOfRow(row), row] as const));
    for (const row of mappedRows.slice(same)) {
      const key = table.keyOfRow(row);
      const was = stored.get(key);
      stored.delete(key);
      if (was && table.sameRow(was, row)) continue;
      changed.push(table.toColumns(row));
      if (was && withPrevious) previous.push(table.toColumns(was));
    }
    for (const [key, was] of stored) {
      gone.push(Object.fromEntries(keyEntries(table.metadata, key)));
      if (withPrevious) previous.push(table.toColumns(was));
    }
  }
  return { changed, gone, previous };
}

function keyEntries(metadata: { primaryColumns: { databaseName: string }[] }, key: string) {
  const values = JSON.parse(key) as unknown[];
  return metadata.primaryColumns.map((column, index) => [column.databaseName, values[index]] as const);
}

function foldOne(
  state: TrajectoryState | undefined,
  event: TrajectoryEvent,
  streamId: string,
  version: number,
): TrajectoryState {
  try {
    return evolve(state, event);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot project ${event.type} (stream ${streamId}, version ${version}): ${reason}`, {
      cause: error,
    });
  }
}
