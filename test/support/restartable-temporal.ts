import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../libs/store/src/postgres/free-port';
import { startTemporalDevServer, TemporalDevServer } from '../../scripts/temporal/dev-server';

/**
 * A Temporal dev server of a test's own, on a SQLite file and a fixed port, that the test can restart: the
 * workflows, timers and pending updates must survive on the file. While it runs, TEMPORAL_ADDRESS points at it,
 * so that startTestSystem() and startWorkerProcess() connect to it; close() restores the global setup's address.
 */
export interface RestartableTemporal {
  address: string;
  /**
   * Stops the server (SIGTERM to its process group) and starts it again on the same file and port, after
   * `downForMs` (default 0) without a server: e.g. while a timer falls due.
   */
  restart(options?: { downForMs?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function startRestartableTemporal(): Promise<RestartableTemporal> {
  const directory = await mkdtemp(join(tmpdir(), 'inburgering-temporal-'));
  const dbFilename = join(directory, 'temporal.sqlite');
  const port = await findFreePort();
  const start = () => startTemporalDevServer({ dbFilename, port });
  let server: TemporalDevServer | undefined = await start();
  const previousAddress = process.env.TEMPORAL_ADDRESS;
  process.env.TEMPORAL_ADDRESS = server.address;
  return {
    address: server.address,
    async restart({ downForMs = 0 } = {}) {
      await server?.stop();
      server = undefined;
      if (downForMs > 0) await new Promise((resolve) => setTimeout(resolve, downForMs));
      server = await start();
    },
    async close() {
      process.env.TEMPORAL_ADDRESS = previousAddress;
      await server?.stop();
      server = undefined;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
