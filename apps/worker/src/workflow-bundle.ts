import { bundleWorkflowCode, WorkflowBundle } from '@temporalio/worker';
import { createLogger } from '../../../libs/logging/src';

const bundlerLog = createLogger('workflow-bundler');

/** Webpack reports every module it bundles at INFO; only its warnings and errors are worth hearing. */
const warningsOnly = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  log: () => undefined,
  warn: (message: string) => bundlerLog.warn(message),
  error: (message: string) => bundlerLog.error(message),
};

/**
 * The trajectory workflows bundled ahead of time, for processes that start several workers (tests, benchmarks)
 * or replay histories: bundling takes seconds, and one bundle serves them all.
 */
export function bundleTrajectoryWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows/src'),
    logger: warningsOnly,
  });
}
