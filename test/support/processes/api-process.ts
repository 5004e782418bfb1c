import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApiApp } from '../../../apps/api/src/api-app';

/**
 * An API in a process of its own, configured by the environment (TEMPORAL_ADDRESS, DATABASE_URL,
 * TEMPORAL_TASK_QUEUE, OIDC_ISSUER, ...): what apps/api/src/main.ts runs, on a free port of 127.0.0.1, without
 * migrating (the test environment's database is migrated). Prints "api ready <base URL>" once it listens.
 */
async function main(): Promise<void> {
  const app = await createApiApp({ environment: { RUN_MIGRATIONS: false }, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  console.log(`api ready http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
}

main().catch((error) => {
  console.error('api stopped with an error:', error);
  process.exit(1);
});
