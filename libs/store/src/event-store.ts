import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import { EventRecord } from './entities';
import {
  appendProblem,
  judgeAppend,
  loadAppendContext,
  loadStreamEvidence,
  StreamEvidence,
} from './append-judgement';
import { appendManyWithin } from './bulk/append-many';
import { readEventRecords, toStoredEvent } from './event-records';
import { timedPhase } from './phase-timings';
import {
  IdempotencyKeyConflictError,
  isDataException,
  isSecondActiveTrajectory,
  isStreamVersionTaken,
  NewcomerHasActiveTrajectoryError,
  sqlStateOf,
  StreamVersionConflictError,
  UnstorableEventDataError,
} from './event-store.errors';
import type {
  AppendManyOptions,
  AppendManyResult,
  AppendRequest,
  AppendResult,
  StoredEvent,
} from './event-store.types';
import { foldAppends, foldedAppendInSteps, projectAppend } from './projections/project-append';
import { addSums } from './projections/summed-read-models';
import type { Statement } from './projections/table-rows';

export {
  IdempotencyKeyConflictError,
  isDataException,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  UnstorableEventDataError,
} from './event-store.errors';

const DEADLOCK_DETECTED = '40P01';

/**
 * The append-only event store. An append writes its events and the read models they change in one transaction,
 * so the read side never shows a fact that is not recorded, nor misses one that is.
 */
export class EventStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends events at versions expectedVersion+1, +2, ... A retry of an append already stored (same versions and
   * events, or same idempotency key and events) writes nothing and answers `duplicate: true`.
   * @throws StreamVersionConflictError when other events hold those versions or the stream is behind expectedVersion
   * @throws IdempotencyKeyConflictError when the idempotency key was used on the stream for other events
   * @throws UnstorableEventDataError when PostgreSQL refuses a value of the events (SQLSTATE class 22)
   */
  async append(request: AppendRequest): Promise<AppendResult> {
    assertValidAppend(request);
    try {
      return (
        (await this.appendInOneStatement(request)) ??
        (await this.dataSource.transaction((manager) => this.appendWithin(manager, request)))
      );
    } catch (error) {
      if (isSecondActiveTrajectory(error))
        throw new NewcomerHasActiveTrajectoryError(request.streamId, { cause: error });
      const sqlState = sqlStateOf(error);
      if (isDataException(sqlState)) throw new UnstorableEventDataError(request.streamId, sqlState);
      if (!isStreamVersionTaken(error)) throw error;
      // A concurrent append committed these versions between our check and our insert: judge against what it wrote.
      const retry = await checkAgainstStoredEvents(this.dataSource.manager, request, error);
      if (retry) return retry;
      throw new StreamVersionConflictError(
        request.streamId,
        request.expectedVersion,
        await currentVersion(this.dataSource.manager, request.streamId),
        { cause: error },
      );
    }
  }

  /**
   * Many streams' appends in one transaction, set-based (a few statements whatever their number), each judged as
   * `append` judges one: per request, in the order given, `appended`, `duplicate` (a retry of a stored append),
   * `conflict` (another writer holds the expected versions) or `refused` (with the reason); one request's outcome
   * never sinks the others. Several requests on one stream chain when each expects the version the previous one
   * leaves. `within` runs in the same transaction after the appends (e.g. to queue the workflows' starts).
   */
  appendMany(
    requests: readonly AppendRequest[],
    within?: (manager: EntityManager, results: AppendManyResult[]) => Promise<void>,
    options: AppendManyOptions = {},
  ): Promise<AppendManyResult[]> {
    return timedPhase('append: transaction (all of it)', () =>
      this.dataSource.transaction(async (manager) => {
        const results = await appendManyWithin(manager, requests, options);
        await timedPhase('append: within (outcomes)', async () => within?.(manager, results));
        return results;
      }),
    );
  }

  /** A stream's events in version order, from `fromVersion` (inclusive). */
  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const records = await this.dataSource.manager.find(EventRecord, {
      where: { streamId, version: MoreThanOrEqual(fromVersion) },
      order: { version: 'ASC' },
    });
    return records.map(toStoredEvent);
  }

  /** All events in global (position) order from `fromPosition` (inclusive), at most `limit`. */
  async readAll(fromPosition: string | number = 1, limit = 1000): Promise<StoredEvent[]> {
    const records = await readEventRecords(this.dataSource.manager, String(fromPosition), limit);
    return records.map(toStoredEvent);
  }

  /** The version of the stream's last event, 0 for a stream without events. */
  streamVersion(streamId: string): Promise<number> {
    return currentVersion(this.dataSource.manager, streamId);
  }

  async countEvents(streamId?: string): Promise<number> {
    return this.dataSource.manager.count(EventRecord, streamId === undefined ? {} : { where: { streamId } });
  }

  /**
   * The usual append in two round trips and no explicit transaction: one query reads the stream's version, the
   * events a retry would match and the stored fold (one snapshot); then ONE statement writes the events, the outbox's
   * messages, the new fold and the read-model rows that changed, atomically (a statement is its own transaction). An
   * append that changes sums writes that statement, then the sums (`addSums`: the office locks and one statement per
   * sums table, in key order) in one transaction. The events' unique (stream, version) still gives each version one
   * writer: when another append took the versions since the read, the statement fails whole and the caller judges it
   * as a conflict. Undefined when the append needs more (a stream without a stored fold at its version or whose rows
   * are not its fold's mapping, a fold that fails, a deadlock): then the transaction of `appendWithin` does it.
   */
  private async appendInOneStatement(request: AppendRequest): Promise<AppendResult | undefined> {
    const manager = this.dataSource.manager;
    const { evidence, storedState } = await loadAppendContext(manager, request);
    const retry = judged(request, evidence);
    if (retry) return retry;
    const firstVersion = request.expectedVersion + 1;
    const [folded] = await foldAppends(
      manager,
      [{ streamId: request.streamId, firstVersion, events: request.events }],
      { preloaded: storedState ? [storedState] : [] },
    );
    if ('failure' in folded) return undefined;
    const steps = foldedAppendInSteps(manager, folded, insertEventsStatement(request));
    if (!steps) return undefined;
    try {
      if (!steps.sums.length) await manager.query(steps.rows.sql, steps.rows.parameters);
      else
        await this.dataSource.transaction(async (transaction) => {
          await transaction.query(steps.rows.sql, steps.rows.parameters);
          await addSums(transaction, steps.sums);
        });
    } catch (error) {
      // One statement locks its tables' rows in an order of PostgreSQL's choosing, so it can deadlock with a
      // transaction writing the same rows (appendMany's); it was rolled back whole: the transaction path, whose
      // writes keep the read models' order, does the append instead.
      if (sqlStateOf(error) === DEADLOCK_DETECTED) return undefined;
      throw error;
    }
    return {
      streamId: request.streamId,
      firstVersion,
      lastVersion: firstVersion + request.events.length - 1,
      duplicate: false,
    };
  }

  private async appendWithin(manager: EntityManager, request: AppendRequest): Promise<AppendResult> {
    // The stream's version, the events a retry would match and its stored fold: one round trip.
    const { evidence, storedState } = await loadAppendContext(manager, request);
    const retry = judged(request, evidence);
    if (retry) return retry;

    const firstVersion = request.expectedVersion + 1;
    await manager.insert(
      EventRecord,
      request.events.map((event, index) => ({
        streamId: request.streamId,
        version: firstVersion + index,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: request.metadata,
        occurredAt: new Date(event.occurredAt),
      })),
    );
    await projectAppend(manager, request.streamId, firstVersion, request.events, storedState);
    return {
      streamId: request.streamId,
      firstVersion,
      lastVersion: firstVersion + request.events.length - 1,
      duplicate: false,
    };
  }
}

/**
 * Compares the request with what the stream already holds (see judgeAppend). Answers a duplicate result when the
 * request is a retry of a stored append, undefined when the versions are free to write, and throws when the request
 * conflicts.
 */
async function checkAgainstStoredEvents(
  manager: EntityManager,
  request: AppendRequest,
  cause?: unknown,
): Promise<AppendResult | undefined> {
  const evidence = (await loadStreamEvidence(manager, [request])).get(request.streamId)!;
  return judged(request, evidence, cause);
}

/** What judgeAppend says of the request: a duplicate's result, undefined to write, or the conflict thrown. */
function judged(request: AppendRequest, evidence: StreamEvidence, cause?: unknown): AppendResult | undefined {
  const judgement = judgeAppend(request, evidence);
  switch (judgement.kind) {
    case 'write':
      return undefined;
    case 'duplicate':
      return duplicateOf(request.streamId, judgement.firstVersion, judgement.lastVersion);
    case 'keyReused':
      throw new IdempotencyKeyConflictError(request.streamId, judgement.idempotencyKey, { cause });
    case 'conflict':
      throw new StreamVersionConflictError(
        request.streamId,
        request.expectedVersion,
        judgement.actualVersion,
        {
          cause,
        },
      );
  }
}

async function currentVersion(manager: EntityManager, streamId: string): Promise<number> {
  const row = await manager
    .createQueryBuilder(EventRecord, 'event')
    .select('COALESCE(MAX(event.version), 0)', 'version')
    .where('event.stream_id = :streamId', { streamId })
    .getRawOne<{ version: number }>();
  return Number(row?.version ?? 0);
}

function duplicateOf(streamId: string, firstVersion: number, lastVersion: number): AppendResult {
  return { streamId, firstVersion, lastVersion, duplicate: true };
}

/** The events' insert as `appendWithin` makes it (in version order: each event's hash chains to the one before). */
function insertEventsStatement(request: AppendRequest): Statement {
  const firstVersion = request.expectedVersion + 1;
  return {
    sql: `INSERT INTO events (stream_id, version, type, schema_version, data, metadata, occurred_at)
          SELECT $1, event.version, event.type, event.schema_version, event.data, $6::jsonb, event.occurred_at
            FROM ROWS FROM (unnest($2::integer[]), unnest($3::text[]), unnest($4::integer[]),
                            jsonb_array_elements($5::jsonb), unnest($7::timestamptz[]))
                 WITH ORDINALITY AS event(version, type, schema_version, data, occurred_at, position)
           ORDER BY event.position`,
    parameters: [
      request.streamId,
      request.events.map((_, index) => firstVersion + index),
      request.events.map((event) => event.type),
      request.events.map((event) => event.schemaVersion),
      JSON.stringify(request.events.map((event) => event.data)),
      JSON.stringify(request.metadata),
      request.events.map((event) => new Date(event.occurredAt).toISOString()),
    ],
  };
}

function assertValidAppend(request: AppendRequest): void {
  const problem = appendProblem(request);
  if (problem) throw new RangeError(`invalid append to stream ${request.streamId}: ${problem}`);
}
