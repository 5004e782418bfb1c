import { INestApplicationContext, LogLevel } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, WorkflowBundle } from '@temporalio/worker';
import { activityFunctions, EventStoreActivities } from './activities/event-store.activities';
import {
  registrationExchangeActivityFunctions,
  RegistrationExchangeActivitiesService,
} from './activities/registration-exchange.activities';
import { WorkerEnvironment } from './config/worker-config';
import { WorkerModule } from './worker.module';

export interface TrajectoryWorkerOptions {
  /** Values that take precedence over the process environment (tests use their own task queue). */
  environment?: Partial<WorkerEnvironment>;
  /** A pre-built workflow bundle; without it the worker bundles `workflows/` at start-up. */
  workflowBundle?: WorkflowBundle;
  logLevels?: LogLevel[];
}

export interface RunningTrajectoryWorker {
  worker: Worker;
  taskQueue: string;
  /** Settles when the worker has stopped. */
  running: Promise<void>;
  shutdown(): Promise<void>;
}

/** Starts a Temporal worker for trajectory workflows, with its activities wired through Nest DI. */
export async function startTrajectoryWorker(
  options: TrajectoryWorkerOptions = {},
): Promise<RunningTrajectoryWorker> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.withEnvironment(options.environment),
    { logger: options.logLevels ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  const config = context.get<ConfigService<WorkerEnvironment, true>>(ConfigService);
  const taskQueue = config.get('TEMPORAL_TASK_QUEUE', { infer: true });
  const connection = await NativeConnection.connect({
    address: config.get('TEMPORAL_ADDRESS', { infer: true }),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.get('TEMPORAL_NAMESPACE', { infer: true }),
    taskQueue,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../../workflows/src') }),
    activities: {
      ...activityFunctions(context.get(EventStoreActivities)),
      ...registrationExchangeActivityFunctions(context.get(RegistrationExchangeActivitiesService)),
    },
    maxConcurrentActivityTaskExecutions: config.get('MAX_CONCURRENT_ACTIVITIES', { infer: true }),
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
