import { TrajectoryMilestoneRecord } from '../entities';
import type { ReadModel } from './projection';
import { trajectoryFactsOnce } from './state-facts';

/** One row per trajectory: the domain's key-figure facts of its folded state (issue 9 §2). */
export const trajectoryMilestones: ReadModel<TrajectoryMilestoneRecord> = {
  entity: TrajectoryMilestoneRecord,
  rows: ({ state }) => [Object.assign(new TrajectoryMilestoneRecord(), trajectoryFactsOnce(state))],
};
