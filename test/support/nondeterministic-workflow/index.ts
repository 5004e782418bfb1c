import { sleep } from '@temporalio/workflow';
import type { TrajectoryWorkflowInput } from '../../../workflows/src/definitions';
import { trajectoryWorkflow as released } from '../../../workflows/src/trajectory.workflow';

/**
 * A deliberately non-deterministic change, used only to prove that the replay test catches one: a timer
 * before anything else, added without a patch. Running trajectories recorded without it cannot replay.
 */
export async function trajectoryWorkflow(input: TrajectoryWorkflowInput) {
  await sleep('1 second');
  return released(input);
}
