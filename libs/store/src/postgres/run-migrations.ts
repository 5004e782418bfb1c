import { createDataSource } from '../data-source';

/** Arbitrary but fixed: serialises migration runs of processes starting together (api, worker, tests). */
const MIGRATION_LOCK_KEY = 7_305_144_912;

/** Applies the pending migrations, each in its own transaction, and returns the names of those applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl, {
    poolSize: 2,
    applicationName: 'inburgering-migrations',
  });
  await dataSource.initialize();
  // The advisory lock is held by a connection of its own; TypeORM runs the migrations on another one.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
