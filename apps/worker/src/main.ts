import 'reflect-metadata';
import { startTrajectoryWorker } from './trajectory-worker';

/** The Temporal runtime stops the worker on SIGINT/SIGTERM after its running tasks; then we close the rest. */
async function main(): Promise<void> {
  const worker = await startTrajectoryWorker();
  console.log(`[worker] polling task queue "${worker.taskQueue}"`);
  await worker.running;
  await worker.shutdown();
}

main().catch((error) => {
  console.error('[worker] stopped with an error:', error);
  process.exit(1);
});
