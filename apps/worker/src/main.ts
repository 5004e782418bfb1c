import 'reflect-metadata';
import { createLogger } from '../../../libs/logging/src';
import { startOutboxRelay } from './outbox/outbox-relay';
import { startWorkflowStarter } from './starter/workflow-starter';
import { startTrajectoryWorker } from './trajectory-worker';
import { installTemporalRuntimeLogger, nestLoggerOf, sanitized } from './worker-logging';

const logger = createLogger('worker');

/**
 * The Temporal runtime stops the worker on SIGINT/SIGTERM after its running tasks; then the workflow starter and
 * the outbox relay finish their batches and deliveries in flight and we close the rest.
 */
async function main(): Promise<void> {
  installTemporalRuntimeLogger(logger);
  const worker = await startTrajectoryWorker({ logger: nestLoggerOf(logger) });
  logger.info({ taskQueue: worker.taskQueue }, `polling task queue "${worker.taskQueue}"`);
  const relay = await startOutboxRelay({ logger: logger.child({ component: 'outbox-relay' }) });
  const starter = await startWorkflowStarter({ logger: logger.child({ component: 'workflow-starter' }) });
  await worker.running;
  await starter.stop();
  await relay.stop();
  await worker.shutdown();
  logger.info('stopped');
}

main().catch((error: unknown) => {
  logger.fatal({ err: sanitized(error) }, 'the worker stopped with an error');
  process.exit(1);
});
