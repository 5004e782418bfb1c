import { Between, DataSource, EntityManager, MoreThanOrEqual, QueryFailedError } from 'typeorm';
import type { TrajectoryEvent } from '../../domain/src';
import { EventRecord } from './entities';
import { readEventRecords, sameEvents, toStoredEvent } from './event-records';
import {
  IdempotencyKeyConflictError,
  isDataException,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  UnstorableEventDataError,
} from './event-store.errors';
import type { AppendRequest, AppendResult, StoredEvent } from './event-store.types';
import { projectAppend } from './projections/project-append';

export {
  IdempotencyKeyConflictError,
  isDataException,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  UnstorableEventDataError,
} from './event-store.errors';

const STREAM_VERSION_CONSTRAINT = 'events_stream_version_unique';
const UNIQUE_VIOLATION = '23505';
const ONE_ACTIVE_TRAJECTORY_CONSTRAINT = 'trajectory_summaries_one_active_per_newcomer';

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
      return await this.dataSource.transaction((manager) => this.appendWithin(manager, request));
    } catch (error) {
      if (isSecondActiveTrajectory(error))
        throw new NewcomerHasActiveTrajectoryError(request.streamId, { cause: error });
      const sqlState =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
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

  private async appendWithin(manager: EntityManager, request: AppendRequest): Promise<AppendResult> {
    const retry = await checkAgainstStoredEvents(manager, request);
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
    await projectAppend(manager, request.streamId, firstVersion, request.events);
    return {
      streamId: request.streamId,
      firstVersion,
      lastVersion: firstVersion + request.events.length - 1,
      duplicate: false,
    };
  }
}

/**
 * Compares the request with what the stream already holds. Answers a duplicate result when the request is a retry
 * of a stored append, undefined when the versions are free to write, and throws when the request conflicts.
 *
 * A retry is recognised by its events (the same events at the same versions, or under the same idempotency key), or
 * by its cause: the stream holds the events of the same command (`metadata.causationId`, the Temporal update id)
 * right after `expectedVersion`. A workflow task that is retried before its local activity's result was recorded
 * decides its command again at a later time, so its events may differ in their timestamps; the stored ones stand,
 * and the workflow folds those.
 */
async function checkAgainstStoredEvents(
  manager: EntityManager,
  request: AppendRequest,
  cause?: unknown,
): Promise<AppendResult | undefined> {
  const { streamId, expectedVersion, events, metadata } = request;
  if (metadata.idempotencyKey !== undefined) {
    const sameKey = await manager
      .createQueryBuilder(EventRecord, 'event')
      .where('event.stream_id = :streamId', { streamId })
      .andWhere(`event.metadata->>'idempotencyKey' = :key`, { key: metadata.idempotencyKey })
      .orderBy('event.version', 'ASC')
      .getMany();
    if (sameKey.length > 0) {
      if (!sameEvents(sameKey, events) && !sameCommand(sameKey, request)) {
        throw new IdempotencyKeyConflictError(streamId, metadata.idempotencyKey, { cause });
      }
      return duplicateOf(streamId, sameKey[0].version, sameKey[sameKey.length - 1].version);
    }
  }

  const actualVersion = await currentVersion(manager, streamId);
  if (actualVersion === expectedVersion) return undefined;
  if (actualVersion > expectedVersion) {
    const atTheseVersions = await manager.find(EventRecord, {
      where: { streamId, version: Between(expectedVersion + 1, expectedVersion + events.length) },
      order: { version: 'ASC' },
    });
    const sameKey = atTheseVersions.every(
      (record) => record.metadata.idempotencyKey === metadata.idempotencyKey,
    );
    if (sameKey && sameEvents(atTheseVersions, events)) {
      return duplicateOf(streamId, expectedVersion + 1, expectedVersion + events.length);
    }
    const ofSameCommand = await eventsOfSameCommand(manager, request);
    if (ofSameCommand) return ofSameCommand;
  }
  throw new StreamVersionConflictError(streamId, expectedVersion, actualVersion, { cause });
}

/** Stored records that all come from the request's command (its causation id), starting right after its version. */
function sameCommand(records: EventRecord[], request: AppendRequest): boolean {
  const { causationId } = request.metadata;
  return (
    causationId !== undefined &&
    records.length > 0 &&
    records[0].version === request.expectedVersion + 1 &&
    records.every((record) => record.metadata.causationId === causationId)
  );
}

async function eventsOfSameCommand(
  manager: EntityManager,
  request: AppendRequest,
): Promise<AppendResult | undefined> {
  const { streamId, expectedVersion, metadata } = request;
  if (metadata.causationId === undefined) return undefined;
  const records = await manager
    .createQueryBuilder(EventRecord, 'event')
    .where('event.stream_id = :streamId', { streamId })
    .andWhere('event.version > :expectedVersion', { expectedVersion })
    .andWhere(`event.metadata->>'causationId' = :causationId`, { causationId: metadata.causationId })
    .orderBy('event.version', 'ASC')
    .getMany();
  const contiguous = records.every((record, index) => record.version === expectedVersion + 1 + index);
  if (!contiguous || !sameCommand(records, request)) return undefined;
  return duplicateOf(streamId, records[0].version, records[records.length - 1].version);
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

function isSecondActiveTrajectory(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === ONE_ACTIVE_TRAJECTORY_CONSTRAINT;
}

function isStreamVersionTaken(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === STREAM_VERSION_CONSTRAINT;
}

function assertValidAppend(request: AppendRequest): void {
  const problem = appendProblem(request);
  if (problem) throw new RangeError(`invalid append to stream ${request.streamId}: ${problem}`);
}

function appendProblem({ streamId, expectedVersion, events, metadata }: AppendRequest): string | undefined {
  if (!streamId) return 'streamId must not be empty';
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    return 'expectedVersion must be an integer >= 0';
  if (!events.length) return 'there must be at least one event';
  if (!metadata?.actor) return 'metadata.actor must not be empty';
  const invalid = events.find(
    (event: TrajectoryEvent) => !event.type || Number.isNaN(Date.parse(event.occurredAt)),
  );
  return invalid ? `event ${invalid.type || '(no type)'} needs a type and an ISO occurredAt` : undefined;
}
