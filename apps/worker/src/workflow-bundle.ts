import { bundleWorkflowCode, WorkflowBundle } from '@temporalio/worker';

/** Webpack reports every module it bundles at INFO; only its warnings and errors are worth hearing. */
const warningsOnly = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  log: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
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
