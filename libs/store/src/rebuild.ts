import { createDataSource } from './data-source';
import { rebuildReadModels } from './projections/rebuild-read-models';
import { tuneGarbageCollectionForRebuild } from './projections/rebuild-process';
import { runMigrations } from './postgres/run-migrations';
import { ownerUrlOf } from './postgres/application-role';
import { createLogger } from '../../logging/src';

const log = createLogger('rebuild');

/**
 * Command: recomputes the stored states and every read model of the database (as its owner: DATABASE_OWNER_URL, else
 * DATABASE_URL) from its events (`npm run rebuild`), folding in REBUILD_WORKERS worker threads (default: one per core but one)
 * and writing on REBUILD_WRITERS connections (default 2, see rebuildReadModels; 1 writes all in one transaction).
 */
async function main(): Promise<void> {
  const databaseUrl = ownerUrlOf(process.env);
  if (!databaseUrl) {
    log.error(
      'DATABASE_OWNER_URL or DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/inburgering)',
    );
    process.exitCode = 2;
    return;
  }
  const workers = process.env.REBUILD_WORKERS ? Number(process.env.REBUILD_WORKERS) : undefined;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    log.error('REBUILD_WORKERS must be a whole number (0 folds on the main thread)');
    process.exitCode = 2;
    return;
  }
  const writers = process.env.REBUILD_WRITERS ? Number(process.env.REBUILD_WRITERS) : undefined;
  if (writers !== undefined && writers !== 1 && writers !== 2) {
    log.error('REBUILD_WRITERS must be 1 (one transaction) or 2 (the key figures on a second connection)');
    process.exitCode = 2;
    return;
  }
  tuneGarbageCollectionForRebuild();
  await runMigrations(databaseUrl);
  const dataSource = await createDataSource(databaseUrl, {
    poolSize: 1,
    applicationName: 'rebuild',
  }).initialize();
  try {
    const started = performance.now();
    const { eventsReplayed, streams, position } = await rebuildReadModels(dataSource, { workers, writers });
    const seconds = (performance.now() - started) / 1000;
    log.info(
      { eventsReplayed, streams, position, seconds },
      `Rebuilt the read models from ${eventsReplayed} events of ${streams} streams (up to position ${position}) ` +
        `in ${seconds.toFixed(1)} s: ${Math.round(eventsReplayed / Math.max(seconds, 0.001))} events/s.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.error({ err: error }, 'rebuilding failed');
    process.exitCode = 1;
  });
}
