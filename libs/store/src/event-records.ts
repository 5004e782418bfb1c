import { EntityManager, MoreThanOrEqual } from 'typeorm';
import { TrajectoryEvent, upcastTrajectoryEvent } from '../../domain/src';
import { EventRecord } from './entities';
import type { StoredEvent } from './event-store.types';
import { canonicalJson } from './canonical-json';

/** A trajectory event as the projections see it: the domain event and its place in its stream. */
export type RecordedTrajectoryEvent = TrajectoryEvent & { streamId: string; version: number };

export function toStoredEvent(record: EventRecord): StoredEvent {
  return {
    position: record.position,
    streamId: record.streamId,
    version: record.version,
    type: record.type as StoredEvent['type'],
    schemaVersion: record.schemaVersion,
    data: record.data as StoredEvent['data'],
    occurredAt: record.occurredAt.toISOString(),
    metadata: record.metadata,
    recordedAt: record.recordedAt.toISOString(),
  };
}

export function toRecordedEvent(record: EventRecord): RecordedTrajectoryEvent {
  const event = upcastTrajectoryEvent({
    type: record.type,
    schemaVersion: record.schemaVersion,
    occurredAt: record.occurredAt.toISOString(),
    data: record.data,
  } as TrajectoryEvent);
  return { ...event, streamId: record.streamId, version: record.version } as RecordedTrajectoryEvent;
}

/**
 * Events in global order from `fromPosition` (inclusive). Positions come from a sequence and are assigned before
 * commit, so a concurrent append may still fill a gap below the last position read; callers that need a complete
 * prefix (rebuilds) read under a lock that holds appends back.
 */
export function readEventRecords(
  manager: EntityManager,
  fromPosition: string,
  limit: number,
): Promise<EventRecord[]> {
  return manager.find(EventRecord, {
    where: { position: MoreThanOrEqual(fromPosition) },
    order: { position: 'ASC' },
    take: limit,
  });
}

/** What of a stored event makes it the fact it states. */
export type ComparableEvent = Pick<EventRecord, 'type' | 'schemaVersion' | 'occurredAt' | 'data'>;

/** Whether a stored event and a candidate state the same fact (type, schema version, instant, data). */
export function sameEvent(stored: ComparableEvent, candidate: TrajectoryEvent): boolean {
  return (
    stored.type === candidate.type &&
    stored.schemaVersion === candidate.schemaVersion &&
    stored.occurredAt.getTime() === Date.parse(candidate.occurredAt) &&
    canonicalJsonOfStored(stored.data) === canonicalJsonOfStored(candidate.data)
  );
}

export function sameEvents(
  stored: readonly ComparableEvent[],
  candidates: readonly TrajectoryEvent[],
): boolean {
  return (
    stored.length === candidates.length &&
    stored.every((record, index) => sameEvent(record, candidates[index]))
  );
}

/** As jsonb stores it (dates as strings, no undefined members), so that equal facts compare equal. */
function canonicalJsonOfStored(value: unknown): string {
  return canonicalJson(JSON.parse(JSON.stringify(value ?? null)));
}
