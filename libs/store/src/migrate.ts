import { runMigrations } from './postgres/run-migrations';
import { ownerUrlOf } from './postgres/application-role';
import { createLogger } from '../../logging/src';

const log = createLogger('migrate');

/** Command: applies pending migrations as the schema owner (DATABASE_OWNER_URL, else DATABASE_URL) (`node dist/libs/store/src/migrate.js`). */
async function main(): Promise<void> {
  const databaseUrl = ownerUrlOf(process.env);
  if (!databaseUrl) {
    log.error(
      'DATABASE_OWNER_URL or DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/inburgering)',
    );
    process.exitCode = 2;
    return;
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length === 0) log.info('no pending migrations');
  for (const name of applied) log.info({ migration: name }, `applied ${name}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.error({ err: error }, 'migrating failed');
    process.exitCode = 1;
  });
}
