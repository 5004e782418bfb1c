import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { payloadCodecFrom } from '../../libs/codec/src';
import { DEMO_IDENTITIES, demoAccessToken } from '../../libs/identity/src';
import { createDataSource } from '../../libs/store/src';
import { testEnvironment } from './environment';

export const DEFAULT_TEST_IDENTITY = 'counsellor-gent';
export const TEST_PURPOSE = 'integration test';

/**
 * Requests to the API as a demo identity (libs/identity/src/demo-identities.ts), with a bearer token the embedded
 * OpenID provider issued to it; by default a counsellor of IN-Gent (the agency of test/support/newcomers.ts).
 * `null`: without a token. Requests say why they access personal data (X-Audit-Purpose) unless `purpose` is null.
 */
export type HttpClient = (
  identity?: string | null,
  options?: { purpose?: string | null },
) => ReturnType<typeof request.agent>;

/**
 * `HttpClient` for an API at `target` (the in-process server, or a base URL such as an API process's): the
 * caller's bearer token and the audit purpose set on every request.
 */
export function httpClientOf(
  target: Parameters<typeof request.agent>[0],
  token: (identity: string) => string,
): HttpClient {
  return (identity: string | null = DEFAULT_TEST_IDENTITY, { purpose = TEST_PURPOSE } = {}) => {
    const agent = request.agent(target);
    if (purpose !== null) agent.set('X-Audit-Purpose', purpose);
    return identity === null ? agent : agent.set('Authorization', `Bearer ${token(identity)}`);
  };
}

/**
 * What a test needs beside the system it drives: a Temporal client and the database as its owner (to arrange and
 * inspect), the demo identities' tokens, and a task queue of its own. For tests that run the API and the workers as
 * processes of their own (test/support/processes); `startTestSystem` (system.ts) adds them in
 * process. Without a worker in this process, no Temporal worker runtime is installed that would keep jest from exiting.
 */
export interface TestClients {
  token(identity: string): string;
  temporal: Client;
  database: DataSource;
  taskQueue: string;
  close(): Promise<void>;
}

export async function startTestClients(): Promise<TestClients> {
  const environment = testEnvironment();
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
  return {
    token(identity: string) {
      const found = tokens.get(identity);
      if (!found) throw new Error(`no demo identity "${identity}"`);
      return found;
    },
    temporal,
    database,
    taskQueue: `test-${randomUUID()}`,
    async close() {
      await connection.close();
      await database.destroy();
    },
  };
}
