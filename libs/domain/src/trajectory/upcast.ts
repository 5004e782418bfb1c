import { EVENT_SCHEMA_VERSIONS, TrajectoryEvent } from './events';

/**
 * Brings a stored event to its type's current schema version, so the fold and the read models see one shape.
 * - MoTestTaken and Nt2TestTaken version 1 had no certificate number: version 2 has `certificateNumber`, null for
 *   the results recorded before the test centres' certificates were kept.
 * Events already current are returned as they are.
 */
export function upcastTrajectoryEvent(event: TrajectoryEvent): TrajectoryEvent {
  if (event.schemaVersion >= EVENT_SCHEMA_VERSIONS[event.type]) return event;
  switch (event.type) {
    case 'MoTestTaken':
    case 'Nt2TestTaken':
      return {
        ...event,
        schemaVersion: 2,
        data: { ...event.data, certificateNumber: event.data.certificateNumber ?? null },
      } as TrajectoryEvent;
    default:
      return event;
  }
}
