import { TrajectoryMilestoneRecord } from '../entities';
import type { ReadModel } from './projection';
import { trajectoryFactsOfState } from './trajectory-facts-of-state';

/** One row per trajectory: the domain's key-figure facts of its folded state (issue 9 §2). */
export const trajectoryMilestones: ReadModel<TrajectoryMilestoneRecord> = {
  entity: TrajectoryMilestoneRecord,
  rows: ({ state }) => [Object.assign(new TrajectoryMilestoneRecord(), trajectoryFactsOfState(state))],
};
