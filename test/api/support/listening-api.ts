import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/api-app';
import { RunningTrajectoryWorker, startTrajectoryWorker } from '../../../apps/worker/src/trajectory-worker';
import { createDataSource } from '../../../libs/store/src';
import { testEnvironment } from '../../support/environment';
import { workflowBundle } from '../../support/system';

/** The real API listening on a random port of 127.0.0.1 with a real worker: for tests that send raw HTTP. */
export interface ListeningApi {
  baseUrl: string;
  database: DataSource;
  /** Rows in the events table. */
  countEvents(): Promise<number>;
  close(): Promise<void>;
}

export async function startListeningApi(): Promise<ListeningApi> {
  const environment = testEnvironment();
  const taskQueue = `test-${randomUUID()}`;
  const app: INestApplication = await createApiApp({
    environment: { TEMPORAL_TASK_QUEUE: taskQueue, RUN_MIGRATIONS: false },
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const worker: RunningTrajectoryWorker = await startTrajectoryWorker({
    environment: { TEMPORAL_TASK_QUEUE: taskQueue },
    workflowBundle: await workflowBundle(),
    logLevels: ['error'],
  });
  const database = await createDataSource(environment.databaseUrl).initialize();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    async countEvents() {
      const [{ count }] = (await database.query('SELECT count(*)::int AS count FROM events')) as [
        { count: number },
      ];
      return count;
    },
    async close() {
      await worker.shutdown();
      await app.close();
      await database.destroy();
    },
  };
}

export interface RawResponse {
  status: number;
  contentType: string | null;
  body: unknown;
  text: string;
}

/** Sends a request as given (raw body text, any Content-Type) and reads the answer. */
export async function send(
  baseUrl: string,
  method: string,
  url: string,
  body?: { text: string; contentType?: string },
): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}${url}`, {
    method: method.toUpperCase(),
    ...(body
      ? {
          // Bytes, so that fetch adds no Content-Type of its own.
          body: new TextEncoder().encode(body.text),
          headers: body.contentType ? { 'Content-Type': body.contentType } : {},
        }
      : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed, text };
}
