import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readFile } from 'node:fs/promises';
import { startTrajectoryWorker } from '../../../apps/worker/src/trajectory-worker';

/**
 * A worker as its own process, for tests that kill it (SIGKILL) mid-work. Environment: TEMPORAL_ADDRESS,
 * DATABASE_URL, TEMPORAL_TASK_QUEUE, and WORKFLOW_BUNDLE_PATH (a bundle the test built, so start-up is quick).
 * Prints "worker ready" once it polls.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const codePath = process.env.WORKFLOW_BUNDLE_PATH ?? process.env.TEST_WORKFLOW_BUNDLE_PATH;
  const worker = await startTrajectoryWorker({
    ...(codePath ? { workflowBundle: { code: await readFile(codePath, 'utf8') } } : {}),
    logLevels: ['error'],
  });
  process.stdout.write('worker ready\n');
  await worker.running;
  await worker.shutdown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
