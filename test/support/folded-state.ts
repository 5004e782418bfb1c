import { DataSource } from 'typeorm';
import { fold, TrajectoryState } from '../../libs/domain/src';
import { EventStore, toTrajectoryEvent } from '../../libs/store/src';
import type { TestSystem } from './system';

/** The state obtained by folding the trajectory's events as stored in PostgreSQL. */
export async function foldedState(
  database: DataSource,
  trajectoryId: string,
): Promise<TrajectoryState | undefined> {
  const stored = await new EventStore(database).readStream(trajectoryId);
  return fold(stored.map(toTrajectoryEvent));
}

/** Asserts that the workflow's state equals the fold of the stored events (the event store is the record). */
export async function expectWorkflowMatchesEventStore(
  system: TestSystem,
  trajectoryId: string,
): Promise<TrajectoryState> {
  const fromEvents = await foldedState(system.database, trajectoryId);
  const fromWorkflow = await system.temporal.workflow
    .getHandle(`trajectory-${trajectoryId}`)
    .query<TrajectoryState | undefined>('trajectoryState');
  expect(fromEvents).toBeDefined();
  expect(fromWorkflow).toEqual(fromEvents);
  return fromEvents as TrajectoryState;
}
