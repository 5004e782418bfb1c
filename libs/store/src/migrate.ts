import { runMigrations } from './postgres/run-migrations';

/** Command: applies pending migrations to DATABASE_URL (`node dist/libs/store/src/migrate.js`). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/inburgering)');
    process.exitCode = 2;
    return;
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length === 0) console.log('No pending migrations.');
  for (const name of applied) console.log(`Applied ${name}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
