import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  createDataSource,
  createThrowawayDatabase,
  EmbeddedPostgres,
  runMigrations,
  startEmbeddedPostgres,
  ThrowawayDatabase,
} from '../libs/store/src';

export interface BenchDatabase {
  /** 'DATABASE_URL' or 'embedded PostgreSQL'. */
  origin: string;
  serverVersion: string;
  /** Its connection URL, for a benchmark's child process. */
  url: string;
  dataSource: DataSource;
  /** The node-postgres pool under `dataSource`: the baselines go through the very same connections. */
  pool: Pool;
  /** Statements sent through the pool so far (round trips, transaction control included). */
  statementsSent(): number;
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A migrated throwaway database next to DATABASE_URL (taken as an admin URL), or on an embedded PostgreSQL cluster
 * in a temporary directory when it is not set. `close` drops the database (and stops and removes the cluster).
 */
export async function openBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    let origin = 'DATABASE_URL';
    if (adminUrl) {
      const host = new URL(adminUrl).hostname;
      if (!LOCAL_HOSTS.has(host)) throw new Error(`the benchmark runs against 127.0.0.1 only, not ${host}`);
    } else {
      const dataDir = await mkdtemp(join(tmpdir(), 'inburgering-bench-pg-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
      cleanups.push(() => embedded.stop());
      adminUrl = embedded.adminUrl;
      origin = 'embedded PostgreSQL';
    }
    const database: ThrowawayDatabase = await createThrowawayDatabase(adminUrl, 'inburgering_bench');
    cleanups.push(() => database.drop());
    await runMigrations(database.url);
    const dataSource = createDataSource(database.url, { poolSize, applicationName: 'inburgering-bench' });
    await dataSource.initialize();
    cleanups.push(() => dataSource.destroy());
    const [{ server_version: serverVersion }] =
      await dataSource.query<{ server_version: string }[]>('SHOW server_version');
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    const statementsSent = countStatements(pool);
    return { origin, serverVersion, url: database.url, dataSource, pool, statementsSent, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Counts `query` calls on the pool's clients, whoever makes them (TypeORM or the baselines). */
function countStatements(pool: Pool): () => number {
  let statements = 0;
  const counted = new WeakSet<object>();
  pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Reflect.set(client, 'query', (...args: unknown[]) => {
      statements += 1;
      return query(...args);
    });
  });
  return () => statements;
}
