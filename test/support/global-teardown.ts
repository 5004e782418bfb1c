import { currentInfrastructure, stopInfrastructure } from './global-setup';

/** Jest global teardown of the `integration` project: stops Temporal, drops the test database, stops PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  const started = Date.now();
  await stopInfrastructure(currentInfrastructure());
  process.stdout.write(`[global-teardown] stopped Temporal and PostgreSQL in ${Date.now() - started} ms\n`);
}
