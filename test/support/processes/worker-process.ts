import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startWorkflowStarter } from '../../../apps/worker/src/starter/workflow-starter';
import { startTrajectoryWorker } from '../../../apps/worker/src/trajectory-worker';

/**
 * A trajectory worker in a process of its own, configured by the environment (TEMPORAL_ADDRESS, DATABASE_URL,
 * TEMPORAL_TASK_QUEUE, ...): what apps/worker/src/main.ts runs, for tests that kill workers for real.
 * WORKFLOW_BUNDLE_PATH: a workflow bundle already built (see workflowBundleFile), which saves seconds of webpack per start.
 * Prints "worker ready" once it polls, and its RSS on "rss" lines when WORKER_RSS_EVERY_MS is set.
 * WORKER_PROCESS_STARTER=1: the workflow starter runs beside it (WORKFLOW_STARTER_*), as in apps/worker/src/main.ts.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

async function main(): Promise<void> {
  // Else the bundle the test run's global setup built, inherited through the environment.
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH ?? process.env.TEST_WORKFLOW_BUNDLE_PATH;
  const worker = await startTrajectoryWorker({
    logLevels: ['error'],
    ...(bundlePath ? { workflowBundle: { code: readFileSync(bundlePath, 'utf8') } } : {}),
  });
  const starter = process.env.WORKER_PROCESS_STARTER === '1' ? await startWorkflowStarter() : undefined;
  console.log(`worker ready ${process.pid}`);
  const every = Number(process.env.WORKER_RSS_EVERY_MS ?? 0);
  if (every > 0) setInterval(() => console.log(`rss ${process.memoryUsage().rss}`), every).unref();
  await worker.running;
  await starter?.stop();
  await worker.shutdown();
}

main().catch((error) => {
  console.error('worker stopped with an error:', error);
  process.exit(1);
});
