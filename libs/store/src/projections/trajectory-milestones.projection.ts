import { trajectoryFactsOf } from '../../../domain/src/key-figures';
import { TrajectoryMilestoneRecord } from '../entities';
import type { ReadModel } from './projection';

/** One row per trajectory: the domain's key-figure facts of its folded state (issue 9 §2). */
export const trajectoryMilestones: ReadModel<TrajectoryMilestoneRecord> = {
  entity: TrajectoryMilestoneRecord,
  rows: ({ state }) => [Object.assign(new TrajectoryMilestoneRecord(), trajectoryFactsOf(state))],
};
