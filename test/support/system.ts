import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  DefaultLogger,
  LogLevel,
  makeTelemetryFilterString,
  Runtime,
  WorkflowBundle,
} from '@temporalio/worker';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api-app';
import { EnvironmentOverrides } from '../../apps/api/src/config/environment';
import { RunningTrajectoryWorker, startTrajectoryWorker } from '../../apps/worker/src/trajectory-worker';
import { bundleTrajectoryWorkflows } from '../../apps/worker/src/workflow-bundle';
import { HttpClient, httpClientOf, startTestClients } from './clients';

// Worker state changes are logged at INFO, and the failures tests provoke on purpose (an append the store refuses,
// a replay that must fail) at WARN: a green run stays quiet, and tests report problems through their assertions.
// TEST_LOG_LEVEL=WARN (or INFO, DEBUG) shows them when investigating. The native core prints its own logs (console):
// forwarding them to this logger (`forward`) leaves a native callback that keeps the process alive after the last
// worker and connection closed, so jest had to kill its worker processes ("failed to exit gracefully").
const testLogLevel = (process.env.TEST_LOG_LEVEL?.toUpperCase() ?? 'ERROR') as LogLevel;
Runtime.install({
  logger: new DefaultLogger(testLogLevel),
  telemetryOptions: {
    logging: { filter: makeTelemetryFilterString({ core: testLogLevel, other: testLogLevel }), console: {} },
  },
});

let sharedBundle: Promise<WorkflowBundle> | undefined;

/**
 * Webpack-bundling the workflows takes seconds: the global setup bundles them once for the run
 * (TEST_WORKFLOW_BUNDLE_PATH); a test file run without it bundles once for itself.
 */
export function workflowBundle(): Promise<WorkflowBundle> {
  const path = process.env.TEST_WORKFLOW_BUNDLE_PATH;
  sharedBundle ??= path ? readFile(path, 'utf8').then((code) => ({ code })) : bundleTrajectoryWorkflows();
  return sharedBundle;
}

/**
 * The whole system for an end-to-end test: the real API (HTTP), a real worker and the real Temporal dev server
 * and PostgreSQL from the global setup. Each test file gets its own task queue, so its workers serve only its
 * own workflows.
 */
export interface TestSystem {
  /** The API over HTTP as a demo identity (see HttpClient). */
  http: HttpClient;
  /** The access token the provider issued to a demo identity for this test file. */
  token(identity: string): string;
  temporal: Client;
  database: DataSource;
  taskQueue: string;
  /** With `listen`: the API's address over real HTTP (a browser test's), e.g. http://127.0.0.1:43121. */
  baseUrl?: string;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export { DEFAULT_TEST_IDENTITY, TEST_PURPOSE } from './clients';

export interface TestSystemOptions {
  /** Listen on a free port of 127.0.0.1 (for a browser), serving the built web app from this directory. */
  listen?: { webAppDir?: string };
  /** More of the API's environment, e.g. TEST_DEADLINE_CLOCKS for a test that needs deadlines due in seconds. */
  api?: EnvironmentOverrides;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const { token, temporal, database, taskQueue, close: closeClients } = await startTestClients();
  const app: INestApplication = await createApiApp({
    environment: {
      ...options.api,
      TEMPORAL_TASK_QUEUE: taskQueue,
      RUN_MIGRATIONS: false,
      ...(options.listen?.webAppDir ? { WEB_APP_DIR: options.listen.webAppDir } : {}),
    },
    logger: ['error'],
  });
  let baseUrl: string | undefined;
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }
  let worker: RunningTrajectoryWorker | undefined;

  const system: TestSystem = {
    http: httpClientOf(app.getHttpServer(), token),
    token,
    temporal,
    database,
    taskQueue,
    ...(baseUrl ? { baseUrl } : {}),
    async startWorker() {
      if (worker) throw new Error('a worker is already running');
      worker = await startTrajectoryWorker({
        environment: { TEMPORAL_TASK_QUEUE: taskQueue },
        workflowBundle: await workflowBundle(),
        logLevels: ['error'],
      });
    },
    async stopWorker() {
      await worker?.shutdown();
      worker = undefined;
    },
    async close() {
      await system.stopWorker();
      await app.close();
      await closeClients();
    },
  };
  await system.startWorker();
  return system;
}
