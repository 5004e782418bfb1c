import { INestApplicationContext, LoggerService, LogLevel } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, WorkflowBundle } from '@temporalio/worker';
import { getHeapStatistics } from 'node:v8';
import { payloadCodecFrom } from '../../../libs/codec/src';
import { recordPhaseTimings } from '../../../libs/store/src';
import {
  caseloadImportActivityFunctions,
  CaseloadImportActivitiesService,
} from './activities/caseload-import.activities';
import { activityFunctions, EventStoreActivities } from './activities/event-store.activities';
import {
  partnerRecordExchangeActivityFunctions,
  PartnerRecordExchangeActivitiesService,
} from './activities/partner-record-exchange.activities';
import {
  registrationExchangeActivityFunctions,
  RegistrationExchangeActivitiesService,
} from './activities/registration-exchange.activities';
import { validateWorkerEnvironment, WorkerEnvironment } from './config/worker-config';
import { workflowCacheProblem } from './config/workflow-cache-budget';
import { WorkerModule } from './worker.module';

/** See the worker's stickyQueueScheduleToStartTimeout below; the takeover test measures what it gives. */
const STICKY_QUEUE_TIMEOUT = '1 second';
/** Each command's workflow task runs its append (a local activity) on one of the pool's 10 connections. */
const MAX_CONCURRENT_WORKFLOW_TASKS = 8;

export interface TrajectoryWorkerOptions {
  /** Values that take precedence over the process environment (tests use their own task queue). */
  environment?: Partial<WorkerEnvironment>;
  /** A pre-built workflow bundle; without it the worker bundles `workflows/` at start-up. */
  workflowBundle?: WorkflowBundle;
  logLevels?: LogLevel[];
  /** Nest's logger for the worker's context (apps/worker/src/main.ts passes pino's); overrides logLevels. */
  logger?: LoggerService;
}

export interface RunningTrajectoryWorker {
  worker: Worker;
  taskQueue: string;
  /** Settles when the worker has stopped. */
  running: Promise<void>;
  shutdown(): Promise<void>;
}

function workflowCode(bundle: WorkflowBundle | undefined, bundlePath: string | undefined) {
  if (bundle) return { workflowBundle: bundle };
  if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
  return { workflowsPath: require.resolve('../../../workflows/src') };
}

/** Starts a Temporal worker for trajectory workflows, with its activities wired through Nest DI. */
export async function startTrajectoryWorker(
  options: TrajectoryWorkerOptions = {},
): Promise<RunningTrajectoryWorker> {
  // Before anything connects: a cache the heap cannot hold would take the worker down once it filled.
  const { MAX_CACHED_WORKFLOWS } = validateWorkerEnvironment({ ...process.env, ...options.environment });
  const cacheProblem = workflowCacheProblem(
    MAX_CACHED_WORKFLOWS,
    getHeapStatistics().heap_size_limit / 1024 ** 2,
  );
  if (cacheProblem) throw new Error(cacheProblem);
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.withEnvironment(options.environment),
    { logger: options.logger ?? options.logLevels ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  const config = context.get<ConfigService<WorkerEnvironment, true>>(ConfigService);
  const taskQueue = config.get('TEMPORAL_TASK_QUEUE', { infer: true });
  recordPhaseTimings(config.get('IMPORT_PHASE_TIMINGS', { infer: true }));
  const maxCachedWorkflows = config.get('MAX_CACHED_WORKFLOWS', { infer: true });
  const connection = await NativeConnection.connect({
    address: config.get('TEMPORAL_ADDRESS', { infer: true }),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.get('TEMPORAL_NAMESPACE', { infer: true }),
    taskQueue,
    ...workflowCode(options.workflowBundle, config.get('WORKFLOW_BUNDLE_PATH', { infer: true })),
    activities: {
      ...activityFunctions(context.get(EventStoreActivities)),
      ...registrationExchangeActivityFunctions(context.get(RegistrationExchangeActivitiesService)),
      ...partnerRecordExchangeActivityFunctions(context.get(PartnerRecordExchangeActivitiesService)),
      ...caseloadImportActivityFunctions(context.get(CaseloadImportActivitiesService)),
    },
    maxConcurrentActivityTaskExecutions: config.get('MAX_CONCURRENT_ACTIVITIES', { infer: true }),
    // Histories hold only ciphertext; the worker decrypts what it reads and encrypts what it writes.
    dataConverter: payloadCodecFrom(config.get('TEMPORAL_PAYLOAD_KEYS', { infer: true })),
    // A workflow task's timeout runs from the moment the worker takes it: take no more than the database pool can
    // serve at once, and leave the rest waiting on the server, where no timeout runs.
    maxConcurrentWorkflowTaskExecutions: MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentLocalActivityExecutions: MAX_CONCURRENT_WORKFLOW_TASKS,
    maxCachedWorkflows,
    // A task meant for this worker's sticky queue goes to any worker after this long: when a worker dies, another
    // takes its trajectories' next commands within seconds (the trajectory's workflow task timeout covers a task
    // the dead worker had already taken).
    stickyQueueScheduleToStartTimeout: STICKY_QUEUE_TIMEOUT,
  });
  const running = worker.run();
  return {
    worker,
    taskQueue,
    running,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await context.close();
    },
  };
}
