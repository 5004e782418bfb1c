import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/api-app';
import { RunningTrajectoryWorker, startTrajectoryWorker } from '../../../apps/worker/src/trajectory-worker';
import { isRole, mayPerform } from '../../../apps/api/src/access/access-policy';
import type { Action } from '../../../apps/api/src/access/access-policy';
import { DEMO_IDENTITIES, demoAccessToken } from '../../../libs/identity/src';
import { createDataSource } from '../../../libs/store/src';
import { testEnvironment } from '../../support/environment';
import { workflowBundle } from '../../support/system';

/** The real API listening on a random port of 127.0.0.1 with a real worker: for tests that send raw HTTP. */
export interface ListeningApi {
  baseUrl: string;
  database: DataSource;
  /**
   * Where to send a route's requests and the bearer token of a demo identity the access policy allows on it (the
   * route's `x-access-action`), so that bad input meets validation rather than the 403 of a refused role.
   */
  callerFor(route: { action?: string }): Target;
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
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  for (const { id } of DEMO_IDENTITIES) tokens.set(id, await demoAccessToken(environment.oidcIssuer, id));
  return {
    baseUrl,
    database,
    callerFor(route) {
      const identity = route.action ? identityAllowedTo(route.action as Action) : PREFERRED_CALLER;
      return { baseUrl, bearer: tokens.get(identity) };
    },
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

/** IN-Gent's counsellor, who sees the trajectories test/support/newcomers.ts registers. */
export const PREFERRED_CALLER = 'counsellor-gent';

/**
 * The preferred caller when its role may perform the action, else the first of IN-Gent's, else of all demo
 * identities whose role may.
 */
function identityAllowedTo(action: Action): string {
  // IN-Gent's own people first (the agency of the test newcomers), so that an agency-scoped role reaches them.
  const candidates = [
    ...DEMO_IDENTITIES.filter((identity) => identity.id === PREFERRED_CALLER),
    ...DEMO_IDENTITIES.filter((identity) => identity.organisation === 'IN_GENT'),
    ...DEMO_IDENTITIES,
  ];
  const found = candidates.find((identity) =>
    identity.roles.some((role) => isRole(role) && mayPerform(role, action)),
  );
  if (!found) throw new Error(`no demo identity may perform ${action}`);
  return found.id;
}

/** Where a request goes: the API's base URL, and a bearer token unless the request is anonymous. */
export type Target = string | { baseUrl: string; bearer?: string };

/** Sends a request as given (raw body text, any Content-Type) and reads the answer. */
export async function send(
  target: Target,
  method: string,
  url: string,
  body?: { text: string; contentType?: string },
): Promise<RawResponse> {
  const { baseUrl, bearer } = typeof target === 'string' ? { baseUrl: target, bearer: undefined } : target;
  const headers: Record<string, string> = {
    ...(bearer ? { Authorization: `Bearer ${bearer}`, 'X-Audit-Purpose': 'problem-details test' } : {}),
    ...(body?.contentType ? { 'Content-Type': body.contentType } : {}),
  };
  const response = await fetch(`${baseUrl}${url}`, {
    method: method.toUpperCase(),
    headers,
    // Bytes, so that fetch adds no Content-Type of its own.
    ...(body ? { body: new TextEncoder().encode(body.text) } : {}),
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
