import type { EntityManager } from 'typeorm';
import type { TrajectoryEvent } from '../../../domain/src';
import { appendProblem, judgeAppend, loadStreamEvidence, recordWrite } from '../append-judgement';
import {
  IdempotencyKeyConflictError,
  isDataException,
  isSecondActiveTrajectory,
  NewcomerHasActiveTrajectoryError,
  sqlStateOf,
  UnstorableEventDataError,
} from '../event-store.errors';
import type { AppendManyOptions, AppendManyResult, AppendRefusal, AppendRequest } from '../event-store.types';
import { FoldedAppend, foldAppends, StreamAppend, writeFoldedAppends } from '../projections/project-append';
import { newcomerHoldOf } from '../projections/trajectory-summary.projection';
import { timedPhase } from '../phase-timings';
import { eventRows, insertEventRows, insertFreeEventRows } from './insert-event-rows';

/**
 * Rounds of judging and writing before giving up: a round is repeated only when a concurrent writer took versions
 * or a newcomer between the checks and the writes, or when a request was refused and the rest must be judged again.
 */
const MAX_ROUNDS = 8;
const SAVEPOINT = 'append_many';
const DEADLOCK_DETECTED = '40P01';

type Folded = Exclude<FoldedAppend, { failure: Error }>;

/**
 * `EventStore.appendMany` inside the caller's transaction. Each round judges every open request against its stream
 * (two queries), folds the ones to write (one query), refuses those whose newcomer already has an active trajectory
 * (one query), then under a savepoint inserts their events (one statement) and projects them (a statement per table).
 * A request that loses a race or is refused leaves the others untouched: the savepoint is rolled back and the round
 * repeated without it.
 */
export async function appendManyWithin(
  manager: EntityManager,
  requests: readonly AppendRequest[],
  { knownStates }: AppendManyOptions = {},
): Promise<AppendManyResult[]> {
  const results: (AppendManyResult | undefined)[] = requests.map((request) => {
    const problem = appendProblem(request);
    return problem ? refused(request, 'INVALID_APPEND', `invalid append: ${problem}`) : undefined;
  });
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    const open = requests.flatMap((request, index) => (results[index] ? [] : [index]));
    const evidence = await timedPhase('append: evidence', () =>
      loadStreamEvidence(
        manager,
        open.map((index) => requests[index]),
      ),
    );
    const outcomes = new Map<number, AppendManyResult>();
    const toWrite: number[] = [];
    for (const index of open) {
      const request = requests[index];
      const stream = evidence.get(request.streamId)!;
      const judgement = judgeAppend(request, stream);
      const { streamId, expectedVersion, events } = request;
      if (judgement.kind === 'write') {
        toWrite.push(index);
        recordWrite(stream, request);
        const firstVersion = expectedVersion + 1;
        const lastVersion = expectedVersion + events.length;
        outcomes.set(index, { status: 'appended', streamId, firstVersion, lastVersion, duplicate: false });
      } else if (judgement.kind === 'duplicate') {
        const { firstVersion, lastVersion } = judgement;
        outcomes.set(index, { status: 'duplicate', streamId, firstVersion, lastVersion, duplicate: true });
      } else if (judgement.kind === 'conflict') {
        outcomes.set(index, {
          status: 'conflict',
          streamId,
          expectedVersion,
          actualVersion: judgement.actualVersion,
        });
      } else {
        const message = new IdempotencyKeyConflictError(streamId, judgement.idempotencyKey).message;
        outcomes.set(index, refused(request, 'IDEMPOTENCY_KEY_REUSED', message));
      }
    }
    // Requests that are answered whatever happens to the writes.
    for (const [index, outcome] of outcomes) if (outcome.status !== 'appended') results[index] = outcome;

    const folded = await timedPhase('append: fold', () =>
      foldAppends(manager, streamAppends(toWrite.map((index) => requests[index])), { known: knownStates }),
    );
    const unprojectable = new Map(
      folded.flatMap((append) => ('failure' in append ? [[append.streamId, append.failure.message]] : [])),
    );
    const projectable = folded.filter((append): append is Folded => !('failure' in append));
    const secondActive = await timedPhase('append: second active', () =>
      newcomersWithActiveTrajectory(manager, projectable),
    );
    if (unprojectable.size || secondActive.size) {
      for (const index of toWrite) {
        const request = requests[index];
        const failure = unprojectable.get(request.streamId);
        if (failure) results[index] = refused(request, 'UNPROJECTABLE_EVENTS', failure);
        else if (secondActive.has(request.streamId))
          results[index] = refused(
            request,
            'NEWCOMER_HAS_ACTIVE_TRAJECTORY',
            new NewcomerHasActiveTrajectoryError(request.streamId).message,
          );
      }
      continue;
    }

    await manager.query(`SAVEPOINT ${SAVEPOINT}`);
    try {
      const rows = toWrite.flatMap((index) => eventRows(requests[index]));
      const written = await timedPhase('append: events insert', () => insertFreeEventRows(manager, rows));
      if (countOf(written) === rows.length) {
        await writeFoldedAppends(manager, projectable);
        await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        for (const index of toWrite) results[index] = outcomes.get(index);
        return results as AppendManyResult[];
      }
      // A concurrent append took some of the versions: judged again, those requests are duplicates or conflicts.
      await rollBack(manager);
    } catch (error) {
      await rollBack(manager);
      const sqlState = sqlStateOf(error);
      // A concurrent batch committed the newcomer meanwhile, or two batches locked the same rows in another order
      // (PostgreSQL broke the deadlock by failing this statement): judged again, against what the other wrote.
      if (isSecondActiveTrajectory(error) || sqlState === DEADLOCK_DETECTED) continue;
      if (!isDataException(sqlState)) throw error;
      const unstorable = await unstorableRequests(
        manager,
        toWrite.map((index) => requests[index]),
      );
      if (!unstorable.size) throw error;
      for (const index of toWrite) {
        const request = requests[index];
        const state = unstorable.get(request);
        if (state)
          results[index] = refused(
            request,
            'UNSTORABLE_EVENT_DATA',
            new UnstorableEventDataError(request.streamId, state).message,
          );
      }
    }
  }
  throw new Error(`appendMany: the streams kept changing under the batch for ${MAX_ROUNDS} rounds`);
}

/** The writes per stream: a stream's requests of one batch chain, so their events are one append. */
function streamAppends(requests: readonly AppendRequest[]): StreamAppend[] {
  const appends = new Map<string, { streamId: string; firstVersion: number; events: TrajectoryEvent[] }>();
  for (const { streamId, expectedVersion, events } of requests) {
    const append = appends.get(streamId);
    if (append) append.events.push(...events);
    else appends.set(streamId, { streamId, firstVersion: expectedVersion + 1, events: [...events] });
  }
  return [...appends.values()];
}

/**
 * Streams whose trajectory would be a second active one of its newcomer: another trajectory holds the newcomer in
 * the store, or an earlier stream of the batch does. The check the unique index makes, done first so that the
 * batch's statements do not fail on it (a trajectory committed meanwhile still fails them: the round is repeated).
 * A trajectory that was already active for the same newcomer before the append holds the newcomer by the unique
 * index: it is not looked up (another stream of the batch that takes the same newcomer still finds it stored).
 */
async function newcomersWithActiveTrajectory(
  manager: EntityManager,
  folded: readonly Folded[],
): Promise<Set<string>> {
  // The summary's columns of the index only (newcomerHoldOf): mapping every stream's whole summary here, beside the
  // projection's own mapping, took 3 % of the worker's CPU in a registration import.
  const active = folded.flatMap(({ streamId, before, after }) => {
    const summary = newcomerHoldOf(after);
    return summary.status !== 'CLOSED' && !heldBefore(before, summary.nationalNumber)
      ? [{ streamId, summary }]
      : [];
  });
  const colliding = new Set<string>();
  if (!active.length) return colliding;
  const stored = await manager.query<{ national_number: string; trajectory_id: string }[]>(
    `SELECT national_number, trajectory_id FROM trajectory_summaries
      WHERE status <> 'CLOSED' AND national_number = ANY($1::text[])`,
    [active.map(({ summary }) => summary.nationalNumber)],
  );
  const holders = new Map(stored.map((row) => [row.national_number, row.trajectory_id]));
  for (const { streamId, summary } of active) {
    const holder = holders.get(summary.nationalNumber);
    if (holder !== undefined && holder !== summary.trajectoryId) colliding.add(streamId);
    else holders.set(summary.nationalNumber, summary.trajectoryId);
  }
  return colliding;
}

/** Whether the stream's stored summary already held the newcomer as an active trajectory (its rows are its state's). */
function heldBefore({ stream, rowsMatchState }: Folded['before'], nationalNumber: string): boolean {
  return (
    rowsMatchState &&
    stream !== undefined &&
    stream.state.status !== 'CLOSED' &&
    stream.state.newcomer.nationalNumber === nationalNumber
  );
}

/** Each request's events inserted alone and rolled back: those PostgreSQL refuses, with the SQLSTATE. */
async function unstorableRequests(
  manager: EntityManager,
  requests: readonly AppendRequest[],
): Promise<Map<AppendRequest, string>> {
  const unstorable = new Map<AppendRequest, string>();
  for (const request of requests) {
    await manager.query(`SAVEPOINT ${SAVEPOINT}`);
    try {
      await insertEventRows(manager, eventRows(request));
    } catch (error) {
      const sqlState = sqlStateOf(error);
      if (!isDataException(sqlState)) throw error;
      unstorable.set(request, sqlState);
    } finally {
      await rollBack(manager);
    }
  }
  return unstorable;
}

async function rollBack(manager: EntityManager): Promise<void> {
  await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
  await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
}

function countOf(written: Map<string, number[]>): number {
  let count = 0;
  for (const versions of written.values()) count += versions.length;
  return count;
}

function refused(request: AppendRequest, reason: AppendRefusal, message: string): AppendManyResult {
  return { status: 'refused', streamId: request.streamId, reason, message };
}
