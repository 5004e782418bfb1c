import { TrajectoryEvent, upcastTrajectoryEvent } from '../../domain/src';
import type { StoredEvent } from './event-store.types';

/** The domain event inside a stored one (without its stream position and metadata). */
export function toTrajectoryEvent(stored: StoredEvent): TrajectoryEvent {
  return upcastTrajectoryEvent({
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    occurredAt: stored.occurredAt,
    data: stored.data,
  } as TrajectoryEvent);
}
