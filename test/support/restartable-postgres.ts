import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createThrowawayDatabase,
  EmbeddedPostgres,
  prepareApplicationRole,
  runMigrations,
  startEmbeddedPostgres,
} from '../../libs/store/src/postgres';
import { findFreePort } from '../../libs/store/src/postgres/free-port';

/**
 * A PostgreSQL cluster of a test's own (embedded binaries, a temporary data directory, a fixed free port) that the
 * test can restart: the machine's shared server is never touched. While it runs, DATABASE_URL (the application
 * role) and DATABASE_OWNER_URL point at its migrated database, so that startTestSystem(), startWorkerProcess() and
 * testEnvironment() use it; close() restores the previous URLs.
 * As root, the server runs as the system user `postgres` (see startEmbeddedPostgres).
 */
export interface RestartablePostgres {
  /** The migrated database's URL. */
  url: string;
  /** Stops the server (a fast shutdown: open connections are cut) and starts it again on the same files and port. */
  restart(options?: { downForMs?: number }): Promise<void>;
  close(): Promise<void>;
}

// A throwaway cluster: durability across a machine crash buys nothing here; a server restart keeps every commit.
const FLAGS = ['-c', 'fsync=off', '-c', 'full_page_writes=off'];

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'inburgering-faults-pg-'));
  const port = await findFreePort();
  const start = () => startEmbeddedPostgres({ dataDir, port, postgresFlags: FLAGS });
  let server: EmbeddedPostgres | undefined = await start();
  const database = await createThrowawayDatabase(server.adminUrl, 'inburgering_faults');
  await runMigrations(database.url);
  // As in the global setup: the system connects as the application role, the checks as the owner.
  const previous = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL };
  process.env.DATABASE_OWNER_URL = database.url;
  process.env.DATABASE_URL = await prepareApplicationRole(database.url);
  return {
    url: database.url,
    async restart({ downForMs = 0 } = {}) {
      const before = await postmasterStart(database.url);
      await server?.stop();
      server = undefined;
      if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
      server = await start();
      const after = await postmasterStart(database.url);
      if (after === before) throw new Error(`PostgreSQL did not restart (postmaster started at ${before})`);
    },
    async close() {
      restoreVariable('DATABASE_URL', previous.url);
      restoreVariable('DATABASE_OWNER_URL', previous.ownerUrl);
      await server?.stop();
      server = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** When the server process started: a restart changes it. */
async function postmasterStart(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ started: string }>(
      `SELECT pg_postmaster_start_time()::text AS started`,
    );
    return rows[0]!.started;
  } finally {
    await client.end();
  }
}

/** process.env turns undefined into the string "undefined": an unset variable is deleted instead. */
function restoreVariable(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
