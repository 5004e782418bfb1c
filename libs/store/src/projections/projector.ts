import { EntityManager } from 'typeorm';
import type { RecordedTrajectoryEvent } from '../event-records';
import { projectDeadlines } from './deadlines.projection';
import { projectParticipationActivities } from './participation-activities.projection';
import { projectPillars } from './pillars.projection';
import type { Projection } from './projection';
import { projectTrajectorySummary } from './trajectory-summary.projection';
import { projectVdabOutbox } from './vdab-outbox.projection';
import { projectViolations } from './violations.projection';

/** In order: the summary first, because the others read the trajectory from it. */
const PROJECTIONS: readonly Projection[] = [
  projectTrajectorySummary,
  projectDeadlines,
  projectViolations,
  projectPillars,
  projectParticipationActivities,
  projectVdabOutbox,
];

export async function projectEvent(event: RecordedTrajectoryEvent, manager: EntityManager): Promise<void> {
  for (const projection of PROJECTIONS) {
    await projection(event, manager);
  }
}
