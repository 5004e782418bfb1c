import type { Duration, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { trajectoryWorkflowId, TrajectoryWorkflowInput } from './definitions';

/** The workflow type name the worker registers. */
export const TRAJECTORY_WORKFLOW_TYPE = 'trajectoryWorkflow';

/**
 * A workflow task that a worker took and never finished (the worker died) is given to another worker after this
 * long; with the worker's sticky-queue timeout it bounds how long a dead worker holds its trajectories' commands.
 * A command is one workflow task with a local activity, well within it (the SDK heartbeats longer local activities).
 */
export const TRAJECTORY_WORKFLOW_TASK_TIMEOUT: Duration = '3 seconds';

/**
 * How a trajectory's workflow is started from its event stream (by the worker's starter, by a command to a
 * trajectory whose workflow is not running, by a restart from the legal record): a running workflow is used as it
 * is; one that ended (terminated, failed) is run again from the stream.
 */
export function startFromStreamOptions(trajectoryId: string, taskQueue: string) {
  const input: TrajectoryWorkflowInput = { trajectoryId, fromStream: true };
  return {
    workflowId: trajectoryWorkflowId(trajectoryId),
    taskQueue,
    args: [input] as [TrajectoryWorkflowInput],
    workflowTaskTimeout: TRAJECTORY_WORKFLOW_TASK_TIMEOUT,
    workflowIdConflictPolicy: 'USE_EXISTING' as WorkflowIdConflictPolicy,
    workflowIdReusePolicy: 'ALLOW_DUPLICATE' as WorkflowIdReusePolicy,
  };
}
