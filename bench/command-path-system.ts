import 'reflect-metadata';
import { INestApplication, ShutdownSignal } from '@nestjs/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { randomBytes } from 'node:crypto';
import { createApiApp } from '../apps/api/src/api-app';
import { demoAccessToken, startEmbeddedIdentityProvider } from '../libs/identity/src';
import { RunningTrajectoryWorker, startTrajectoryWorker } from '../apps/worker/src/trajectory-worker';
import { bundleTrajectoryWorkflows } from '../apps/worker/src/workflow-bundle';
import { startTemporalDevServer, TemporalDevServer } from '../scripts/temporal/dev-server';
import { findOrBuildTemporalCli, TEMPORAL_CLI_VERSION } from '../scripts/temporal/temporal-cli';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { traceServer } from './command-path-trace';

/**
 * The whole system for the command-path benchmark, in this process except Temporal and PostgreSQL: an in-memory
 * Temporal dev server on free ports, a migrated throwaway database (bench-database: next to DATABASE_URL, or on an
 * embedded cluster), the real trajectory worker and the real API listening on a free port of 127.0.0.1. The same
 * wiring as test/support/system.ts, without jest.
 */
export interface CommandPathSystem {
  /** The database the API and the worker use; its own pool (`dataSource`) is the baseline's. */
  database: BenchDatabase;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  temporal: TemporalDevServer;
  /** A bearer token of the IN-Gent demo counsellor from the embedded OpenID provider. */
  accessToken: string;
  /** One line for the log: versions and addresses. */
  description: string;
  /** Stops the worker, the API and Temporal, then drops the database; safe to call more than once. */
  close(): Promise<void>;
}

export const COMMAND_PATH_TASK_QUEUE = 'bench-command-path';

export async function startCommandPathSystem(
  baselinePoolSize: number,
  log: (message: string) => void,
): Promise<CommandPathSystem> {
  // The bench stops the worker itself, in order (see close); Temporal's own signal handling would stop it first.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

  const cleanups: (() => Promise<unknown>)[] = [];
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((error: unknown) => log(`shutdown: ${(error as Error).message}`));
      }
    })();
    return closing;
  };
  try {
    const started = performance.now();
    const cliPath = await findOrBuildTemporalCli({ log });
    const [temporal, database, workflowBundle, identity] = await Promise.all([
      startTemporalDevServer({ cliPath }).then((server) => {
        cleanups.push(() => server.stop());
        return server;
      }),
      openBenchDatabase(baselinePoolSize).then((opened) => {
        cleanups.push(() => opened.close());
        return opened;
      }),
      bundleTrajectoryWorkflows(),
      startEmbeddedIdentityProvider().then((provider) => {
        cleanups.push(() => provider.close());
        return provider;
      }),
    ]);
    const databaseUrl = (database.dataSource.options as PostgresDataSourceOptions).url;
    if (!databaseUrl) throw new Error('the bench database has no URL');
    const environment = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: COMMAND_PATH_TASK_QUEUE,
      OIDC_ISSUER: identity.issuer,
      TEMPORAL_PAYLOAD_KEYS:
        process.env.TEMPORAL_PAYLOAD_KEYS || `bench:${randomBytes(32).toString('base64')}`,
    };

    const worker: RunningTrajectoryWorker = await startTrajectoryWorker({
      environment,
      workflowBundle,
      logLevels: ['error', 'warn'],
    });
    cleanups.push(() => worker.shutdown());

    // createApiApp enables Nest's shutdown hooks, which close the API on a signal and re-raise it. The bench owns
    // the order of shutdown (the API before the database it uses), so the listeners the API added go.
    const listenersBefore = new Map(
      Object.values(ShutdownSignal).map((signal) => [signal, new Set(process.listeners(signal))]),
    );
    const app: INestApplication = await createApiApp({
      environment: { ...environment, RUN_MIGRATIONS: false, PORT: 0, RATE_LIMIT_PER_MINUTE: 0 },
      logger: ['error', 'warn'],
    });
    cleanups.push(() => app.close());
    for (const [signal, before] of listenersBefore) {
      for (const listener of process.listeners(signal)) {
        if (!before.has(listener)) process.removeListener(signal, listener);
      }
    }
    await app.listen(0, '127.0.0.1');
    traceServer(app.getHttpServer());
    const address = app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${address.port}`;

    const description =
      `Temporal dev server ${TEMPORAL_CLI_VERSION} (in-memory) at ${temporal.address}, ` +
      `${database.origin} PostgreSQL ${database.serverVersion}, API at ${baseUrl}, worker on "${COMMAND_PATH_TASK_QUEUE}"; ` +
      `up in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    const accessToken = await demoAccessToken(identity.issuer, 'counsellor-gent');
    return { database, baseUrl, temporal, accessToken, description, close };
  } catch (error) {
    await close();
    throw error;
  }
}
