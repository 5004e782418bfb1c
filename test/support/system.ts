import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import {
  DefaultLogger,
  LogLevel,
  makeTelemetryFilterString,
  Runtime,
  WorkflowBundle,
} from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api-app';
import { EnvironmentOverrides } from '../../apps/api/src/config/environment';
import { RunningTrajectoryWorker, startTrajectoryWorker } from '../../apps/worker/src/trajectory-worker';
import { bundleTrajectoryWorkflows } from '../../apps/worker/src/workflow-bundle';
import { payloadCodecFrom } from '../../libs/codec/src';
import { DEMO_IDENTITIES, demoAccessToken } from '../../libs/identity/src';
import { createDataSource } from '../../libs/store/src';
import { testEnvironment } from './environment';

// Worker state changes are logged at INFO, and the failures tests provoke on purpose (an append the store refuses,
// a replay that must fail) at WARN: a green run stays quiet, and tests report problems through their assertions.
// TEST_LOG_LEVEL=WARN (or INFO, DEBUG) shows them when investigating.
const testLogLevel = (process.env.TEST_LOG_LEVEL?.toUpperCase() ?? 'ERROR') as LogLevel;
Runtime.install({
  logger: new DefaultLogger(testLogLevel),
  telemetryOptions: {
    logging: { filter: makeTelemetryFilterString({ core: testLogLevel, other: testLogLevel }), forward: {} },
  },
});

let sharedBundle: Promise<WorkflowBundle> | undefined;

/** Webpack-bundling the workflows takes seconds; one bundle per test file is enough. */
export function workflowBundle(): Promise<WorkflowBundle> {
  sharedBundle ??= bundleTrajectoryWorkflows();
  return sharedBundle;
}

/**
 * The whole system for an end-to-end test: the real API (HTTP), a real worker and the real Temporal dev server
 * and PostgreSQL from the global setup. Each test file gets its own task queue, so its workers serve only its
 * own workflows.
 */
export interface TestSystem {
  /**
   * The API over HTTP as a demo identity (libs/identity/src/demo-identities.ts), with a bearer token the embedded
   * OpenID provider issued to it; by default a counsellor of IN-Gent (the agency of test/support/newcomers.ts).
   * `null`: without a token. Requests say why they access personal data (X-Audit-Purpose) unless `purpose` is
   * null.
   */
  http: (identity?: string | null, options?: { purpose?: string | null }) => ReturnType<typeof request.agent>;
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

export const DEFAULT_TEST_IDENTITY = 'counsellor-gent';
export const TEST_PURPOSE = 'integration test';

export interface TestSystemOptions {
  /** Listen on a free port of 127.0.0.1 (for a browser), serving the built web app from this directory. */
  listen?: { webAppDir?: string };
  /** More of the API's environment, e.g. TEST_DEADLINE_CLOCKS for a test that needs deadlines due in seconds. */
  api?: EnvironmentOverrides;
}

/**
 * `TestSystem.http` for an API at `target` (the in-process server, or a base URL such as an API process's): the
 * caller's bearer token and the audit purpose set on every request.
 */
export function httpClientOf(
  target: Parameters<typeof request.agent>[0],
  token: (identity: string) => string,
): TestSystem['http'] {
  return (identity: string | null = DEFAULT_TEST_IDENTITY, { purpose = TEST_PURPOSE } = {}) => {
    const agent = request.agent(target);
    if (purpose !== null) agent.set('X-Audit-Purpose', purpose);
    return identity === null ? agent : agent.set('Authorization', `Bearer ${token(identity)}`);
  };
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const environment = testEnvironment();
  const taskQueue = `test-${randomUUID()}`;
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
  const connection = await Connection.connect({ address: environment.temporalAddress });
  const temporal = new Client({
    connection,
    namespace: environment.namespace,
    dataConverter: payloadCodecFrom(process.env.TEMPORAL_PAYLOAD_KEYS ?? ''),
  });
  const database = await createDataSource(environment.databaseUrl).initialize();
  const tokens = new Map(
    await Promise.all(
      DEMO_IDENTITIES.map(async ({ id }) => [id, await demoAccessToken(environment.oidcIssuer, id)] as const),
    ),
  );
  const token = (identity: string) => {
    const found = tokens.get(identity);
    if (!found) throw new Error(`no demo identity "${identity}"`);
    return found;
  };
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
      await connection.close();
      await database.destroy();
    },
  };
  await system.startWorker();
  return system;
}
