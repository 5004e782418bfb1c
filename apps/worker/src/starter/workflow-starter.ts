import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { payloadCodecFrom } from '../../../../libs/codec/src';
import { createLogger } from '../../../../libs/logging/src';
import {
  createDataSource,
  ParameterFreeSqlLogger,
  WorkflowStartBatch,
  WorkflowStartQueue,
} from '../../../../libs/store/src';
import {
  startFromStreamOptions,
  TRAJECTORY_WORKFLOW_TYPE,
} from '../../../../workflows/src/start-from-stream';
import { validateWorkerEnvironment, WorkerEnvironment } from '../config/worker-config';
import { retryDelayMs } from '../outbox/retry-delay';
import { sanitized } from '../worker-logging';

export interface WorkflowStarterOptions {
  /** Values that take precedence over the process environment (tests use their own). */
  environment?: Partial<WorkerEnvironment>;
  logger?: Logger;
}

export interface RunningWorkflowStarter {
  /** Lanes starting at once (0: the starter is off). */
  lanes: number;
  /** Finishes the batches in flight, then stops. */
  stop(): Promise<void>;
}

/**
 * The starter: `WORKFLOW_STARTER_LANES` lanes, each claiming the next due batch of `pending_workflow_starts`
 * (nearest deadline first, FOR UPDATE SKIP LOCKED, see WorkflowStartQueue) and starting each trajectory's workflow
 * from its stream. Starters in several workers share the queue. A started workflow reads its stream and sets its
 * timers itself; a workflow already running is left as it is.
 */
export async function startWorkflowStarter(
  options: WorkflowStarterOptions = {},
): Promise<RunningWorkflowStarter> {
  const environment = validateWorkerEnvironment({ ...process.env, ...options.environment });
  const lanes = environment.WORKFLOW_STARTER_LANES;
  const logger = options.logger ?? createLogger('workflow-starter');
  if (lanes === 0) return { lanes, stop: async () => undefined };
  const dataSource: DataSource = await createDataSource(environment.DATABASE_URL, {
    poolSize: lanes,
    applicationName: 'inburgering-workflow-starter',
    logging: ['error'],
    logger: new ParameterFreeSqlLogger(),
  }).initialize();
  const connection = await Connection.connect({ address: environment.TEMPORAL_ADDRESS });
  const client = new Client({
    connection,
    namespace: environment.TEMPORAL_NAMESPACE,
    dataConverter: payloadCodecFrom(environment.TEMPORAL_PAYLOAD_KEYS),
  });
  const queue = new WorkflowStartQueue(dataSource);
  const stopping = new AbortController();
  const retry = { baseMs: environment.OUTBOX_RETRY_BASE_MS, maxMs: environment.OUTBOX_RETRY_MAX_MS };

  async function start({ trajectoryId }: { trajectoryId: string }): Promise<void> {
    await client.workflow.start(
      TRAJECTORY_WORKFLOW_TYPE,
      startFromStreamOptions(trajectoryId, environment.TEMPORAL_TASK_QUEUE),
    );
  }

  async function lane(): Promise<void> {
    while (!stopping.signal.aborted) {
      let batch: WorkflowStartBatch;
      try {
        batch = await queue.startBatch(environment.WORKFLOW_STARTER_BATCH_SIZE, start, (attempt) =>
          retryDelayMs(attempt, retry),
        );
      } catch (error) {
        logger.error({ err: sanitized(error) }, 'the workflow starter could not claim or record a batch');
        batch = { started: 0, failed: 0 };
      }
      if (batch.started || batch.failed) logger.debug(batch, 'workflows started from their streams');
      if (batch.failed) logger.warn({ failed: batch.failed }, 'workflow starts failed; will retry');
      if (batch.started + batch.failed < environment.WORKFLOW_STARTER_BATCH_SIZE)
        await sleep(environment.WORKFLOW_STARTER_POLL_INTERVAL_MS, undefined, {
          signal: stopping.signal,
        }).catch(() => undefined);
    }
  }

  const running = Array.from({ length: lanes }, () => lane());
  logger.info({ lanes }, 'workflow starter started');
  let stopped: Promise<void> | undefined;
  return {
    lanes,
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        await Promise.all(running);
        await connection.close();
        await dataSource.destroy();
        logger.info('workflow starter stopped');
      })();
      return stopped;
    },
  };
}
