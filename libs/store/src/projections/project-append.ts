import type { EntityManager } from 'typeorm';
import { evolve, TrajectoryEvent, TrajectoryState } from '../../../domain/src';
import { TrajectoryStateRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import { canonicalJson } from '../canonical-json';
import { stateRow, streamBeforeAppend, tableRowsOf } from './folded-streams';
import type { FoldedStream } from './projection';
import { OUTBOX_PROJECTIONS, READ_MODELS } from './read-models';
import { projectSums } from './summed-read-models';

/**
 * Inside the append's transaction: folds the new events onto the stream's stored state with the domain's `evolve`,
 * stores the new state, enqueues the messages the events cause, and writes the read-model rows whose mapping
 * changed (one statement per changed table).
 */
export async function projectAppend(
  manager: EntityManager,
  streamId: string,
  firstVersion: number,
  events: readonly TrajectoryEvent[],
): Promise<void> {
  const before = await streamBeforeAppend(manager, streamId, firstVersion - 1);
  let state: TrajectoryState | undefined = before.stream?.state;
  for (const [index, event] of events.entries()) {
    const previous = state;
    state = foldOne(state, event, streamId, firstVersion + index);
    const recorded = { ...event, streamId, version: firstVersion + index } as RecordedTrajectoryEvent;
    for (const enqueue of OUTBOX_PROJECTIONS) await enqueue(recorded, state, manager, previous);
  }
  if (!state) return;
  const after: FoldedStream = {
    streamId,
    state,
    lastOccurredAt: new Date(events[events.length - 1].occurredAt),
  };
  const states = tableRowsOf(manager, TrajectoryStateRecord);
  await states.upsert(manager, [states.toColumns(stateRow(after))]);
  await projectSums(manager, before, after);

  for (const model of READ_MODELS) {
    const table = tableRowsOf(manager, model.entity);
    const next = model.rows(after).map((row) => table.toColumns(row));
    if (!before.rowsMatchState) {
      await table.deleteTrajectories(manager, [state.trajectoryId]);
      await table.insert(manager, next);
      continue;
    }
    const previous = new Map(
      (before.stream ? model.rows(before.stream) : []).map((row) => {
        const columns = table.toColumns(row);
        return [table.keyOf(columns), canonicalJson(columns)] as const;
      }),
    );
    const changed = next.filter((row) => {
      const key = table.keyOf(row);
      const was = previous.get(key);
      previous.delete(key);
      return was !== canonicalJson(row);
    });
    await table.upsert(manager, changed);
    await table.delete(
      manager,
      [...previous.keys()].map((key) => Object.fromEntries(keyEntries(table.metadata, key))),
    );
  }
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
