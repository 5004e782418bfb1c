import { EntityManager } from 'typeorm';
import type { RecordedTrajectoryEvent } from '../event-records';
import { TrajectorySummaryRecord } from '../entities';

/**
 * Applies one event to one read model, inside the append's (or the rebuild's) transaction.
 * Deterministic: the same events always give the same rows, so a rebuild reproduces them exactly.
 */
export type Projection = (event: RecordedTrajectoryEvent, manager: EntityManager) => Promise<void>;

/** The trajectory a stream belongs to; every stream starts with TrajectoryOpened, which creates the summary. */
export async function trajectoryOfStream(
  manager: EntityManager,
  event: RecordedTrajectoryEvent,
): Promise<TrajectorySummaryRecord> {
  const summary = await manager.findOneBy(TrajectorySummaryRecord, { streamId: event.streamId });
  if (!summary) throw missingTrajectory(event);
  return summary;
}

export function missingTrajectory(event: RecordedTrajectoryEvent): Error {
  return new Error(
    `cannot project ${event.type} (stream ${event.streamId}, version ${event.version}): no TrajectoryOpened on the stream`,
  );
}
