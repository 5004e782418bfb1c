import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createDataSource, runMigrations } from '../libs/store/src';
import { openBenchDatabase } from './bench-database';

export interface KeptOrThrowawayDatabase {
  origin: string;
  /** Its connection URL, for a benchmark's child process. */
  url: string;
  dataSource: DataSource;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * A throwaway database (see bench-database), or, when the variable `name` holds a URL, that database, migrated and
 * kept: a benchmark grows it on its first run and reuses its store on the next ones (growing 100,000 trajectories
 * through the domain takes many minutes on 2 cores).
 */
export async function openKeptOrThrowawayDatabase(
  name: string,
  poolSize = 4,
): Promise<KeptOrThrowawayDatabase> {
  const url = process.env[name];
  if (!url) {
    const database = await openBenchDatabase(poolSize);
    return { ...database, origin: `PostgreSQL ${database.serverVersion} (${database.origin})` };
  }
  await runMigrations(url);
  const dataSource = await createDataSource(url, { poolSize, applicationName: 'bench' }).initialize();
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const origin = `kept database ${new URL(url).pathname.slice(1)}`;
  return { origin, url, dataSource, pool, close: () => dataSource.destroy() };
}
