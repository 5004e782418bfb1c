import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { CalendarDate, calendarDateAt, isCalendarDate } from '../libs/domain/src';
import { runMigrations } from '../libs/store/src/postgres';
import { pipeLines } from './child-output';
import { loadDemoData, LoadedDemoTrajectory } from './demo-data';
import { ensurePayloadKeys } from './identity/payload-keys';
import { startIdentity } from './identity/start-hook';
import { startTemporalDevServer, TemporalDevServer } from './temporal/dev-server';
import { findOrBuildTemporalCli, formatDuration } from './temporal/temporal-cli';

/**
 * `npm start`: the whole system on embedded defaults, in one terminal.
 *
 *   Temporal dev server (with Web UI, SQLite file under .data/temporal, kept between runs)
 *   PostgreSQL: DATABASE_URL when set (a URL of the server's `postgres` database counts as an admin URL: the
 *   application then uses database `inburgering` on that server, created when missing), else embedded PostgreSQL
 *   with its data in .data/postgres (kept between runs)
 *   migrations, then the worker and the API as child processes, then demo data through the HTTP API.
 *
 * Ctrl-C (SIGINT) or SIGTERM stops everything in order: API, worker, Temporal, PostgreSQL.
 * Environment: PORT (API, default 3000), TEMPORAL_PORT (default 7233), TEMPORAL_UI_PORT (default 8233),
 * POSTGRES_PORT (embedded PostgreSQL, default 5433), DATABASE_URL, TEMPORAL_CLI, DEMO_DATA=false to skip the demo data.
 * A port left to its default that is taken is replaced by a free one (printed in the banner).
 */

const ROOT = resolve(__dirname, '..', '..'); // dist/scripts/start.js -> repository root
const DATA_DIR = join(ROOT, '.data');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const POSTGRES_MAIN = join(ROOT, 'dist', 'scripts', 'postgres-process.js');
const TASK_QUEUE = 'trajectories';
const NAMESPACE = 'default';
const APP_DATABASE = 'inburgering';

type Stoppable = { name: string; stop(): Promise<void> };

/** What runs, newest last; stopped in reverse order. */
const running: Stoppable[] = [];
let shuttingDown: Promise<void> | undefined;

function log(name: string, line: string): void {
  const prefix = `[${name}]`;
  process.stdout.write(`${line.startsWith(prefix) ? line : `${prefix.padEnd(11)}${line}`}\n`);
}
const say = (line: string) => log('start', line);

async function main(): Promise<void> {
  installSignalHandlers();
  const startedAt = Date.now();
  checkBuild();

  const apiPort = parsePort('PORT', 3000);
  await assertPortFree(apiPort, 'PORT', 'the API');

  // Temporal and PostgreSQL start side by side.
  const [temporal, databaseUrl] = await Promise.all([startTemporal(), startPostgres()]);
  const identity = await startIdentity((line) => log('identity', line));
  running.push({ name: 'OpenID provider', stop: identity.close });

  let step = Date.now();
  const applied = await runMigrations(databaseUrl);
  say(
    `migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'none pending'} (${formatDuration(Date.now() - step)})`,
  );

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    PORT: String(apiPort),
    ...identity.env,
    TEMPORAL_PAYLOAD_KEYS: ensurePayloadKeys(DATA_DIR, (line) => log('temporal', line)),
  };
  step = Date.now();
  const worker = spawnService('worker', WORKER_MAIN, childEnv);
  const api = spawnService('api', API_MAIN, childEnv);
  const apiBaseUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.race([waitForHealth(`${apiBaseUrl}/health`, 90_000), worker.failed, api.failed]);
  say(`worker and API up, ${apiBaseUrl}/health answers 200 (${formatDuration(Date.now() - step)})`);

  let demo: { loaded?: LoadedDemoTrajectory[]; error?: string; skipped?: boolean } = {};
  if (/^(0|false|no)$/i.test(process.env.DEMO_DATA ?? '')) {
    demo = { skipped: true };
  } else {
    step = Date.now();
    const anchor = demoAnchor();
    try {
      demo.loaded = await Promise.race([
        loadDemoData(apiBaseUrl, {
          today: anchor,
          log: (line) => log('demo', line),
          accessToken: identity.counsellorToken,
        }),
        worker.failed,
        api.failed,
      ]);
      rememberDemoAnchor(anchor);
      say(`demo data loaded (${formatDuration(Date.now() - step)})`);
    } catch (error) {
      if (shuttingDown) return;
      demo.error = (error as Error).message;
      say(`demo data could not be loaded, the system keeps running without it: ${demo.error}`);
    }
  }

  printBanner({ apiBaseUrl, temporal, databaseUrl, demo, startedAt, identity: identity.banner });
}

/* ---------------------------------------------------------------- Temporal */

async function startTemporal(): Promise<TemporalDevServer> {
  const started = Date.now();
  const cliPath = await findOrBuildTemporalCli({ log: (line) => log('temporal', line) });
  const port = await preferredPort('TEMPORAL_PORT', 7233);
  const uiPort = await preferredPort('TEMPORAL_UI_PORT', 8233);
  const dbFilename = join(DATA_DIR, 'temporal', 'temporal.sqlite');
  const server = await startTemporalDevServer({
    cliPath,
    port,
    uiPort,
    namespace: NAMESPACE,
    dbFilename,
    logFile: join(DATA_DIR, 'logs', 'temporal.log'),
    onOutput: (line) => log('temporal', line),
  });
  running.push({ name: 'Temporal', stop: server.stop });
  log(
    'temporal',
    `dev server at ${server.address}, UI ${server.uiUrl}, state in ${relative(ROOT, dbFilename)} (${formatDuration(Date.now() - started)})`,
  );
  return server;
}

/* -------------------------------------------------------------- PostgreSQL */

async function startPostgres(): Promise<string> {
  const started = Date.now();
  if (process.env.DATABASE_URL) {
    const given = process.env.DATABASE_URL;
    await withClient(given, (client) => client.query('SELECT 1')).catch((error: Error) => {
      throw new Error(`DATABASE_URL (${redact(given)}) does not answer: ${error.message}`);
    });
    // A URL of a server's maintenance database is an admin URL: the application gets a database of its own.
    if (!MAINTENANCE_DATABASES.includes(databaseName(given))) {
      log('postgres', `using DATABASE_URL ${redact(given)}`);
      return given;
    }
    const url = await ensureAppDatabase(given);
    log('postgres', `using database "${APP_DATABASE}" on the DATABASE_URL server: ${redact(url)}`);
    return url;
  }
  const dataDir = join(DATA_DIR, 'postgres');
  const firstRun = !existsSync(join(dataDir, 'PG_VERSION'));
  if (firstRun)
    log('postgres', `initialising an embedded PostgreSQL cluster in ${relative(ROOT, dataDir)} (first run)`);
  const port = await preferredPort('POSTGRES_PORT', 5433);
  const embedded = await startPostgresProcess(dataDir, port);
  running.push({ name: 'PostgreSQL', stop: embedded.stop });

  const url = await ensureAppDatabase(embedded.adminUrl);
  log(
    'postgres',
    `embedded PostgreSQL on port ${new URL(url).port}, data in ${relative(ROOT, dataDir)} (${formatDuration(Date.now() - started)})`,
  );
  return url;
}

const MAINTENANCE_DATABASES = ['', 'postgres', 'template1'];

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Creates the application database next to the admin URL's when missing; returns its URL. */
async function ensureAppDatabase(adminUrl: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(APP_DATABASE)}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${APP_DATABASE}`;
  return url.toString();
}

/** Embedded PostgreSQL in a detached helper process (scripts/postgres-process.ts), so a Ctrl-C reaches us first. */
function startPostgresProcess(
  dataDir: string,
  port: number | undefined,
): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [POSTGRES_MAIN, dataDir, ...(port ? [String(port)] : [])], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  pipeOutput('postgres', child);
  if (child.pid !== undefined) childGroups.add(child.pid);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.on('exit', (code, signal) => resolveExit({ code, signal })),
  );
  void exited.then(({ code, signal }) => {
    if (child.pid !== undefined) childGroups.delete(child.pid);
    if (!shuttingDown) void shutdown(1, `PostgreSQL exited unexpectedly (${signal ?? `code ${code}`})`);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolveStart, rejectStart) => {
    child.on('error', (error) =>
      rejectStart(new Error(`could not start embedded PostgreSQL: ${error.message}`)),
    );
    child.on('message', (message: { adminUrl?: string; error?: string }) => {
      if (message.adminUrl) resolveStart({ adminUrl: message.adminUrl, stop });
      else rejectStart(new Error(`embedded PostgreSQL did not start: ${message.error}`));
    });
    void exited.then(({ code, signal }) =>
      rejectStart(
        new Error(
          `embedded PostgreSQL exited during start-up (${signal ?? `code ${code}`}); see its output above`,
        ),
      ),
    );
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/* ------------------------------------------------------ worker and API */

interface Service {
  process: ChildProcess;
  /** Rejects when the process ends while we are not shutting down. */
  failed: Promise<never>;
}

function spawnService(name: 'worker' | 'api', main: string, env: NodeJS.ProcessEnv): Service {
  // Own process group: a terminal Ctrl-C reaches only us, and we stop the services in order.
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeOutput(name, child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.on('exit', (code, signal) => resolveExit({ code, signal })),
  );
  const failed = new Promise<never>((_, reject) => {
    child.on('error', (error) => reject(new Error(`could not start the ${name}: ${error.message}`)));
    void exited.then(({ code, signal }) => {
      if (!shuttingDown)
        reject(
          new Error(`the ${name} exited unexpectedly (${signal ?? `code ${code}`}); see its output above`),
        );
    });
  });
  // Also observed by main's Promise.race during start-up; afterwards this is what notices a crash.
  failed.catch((error: Error) => {
    if (!shuttingDown) void shutdown(1, error.message);
  });
  void exited.then(() => child.pid !== undefined && childGroups.delete(child.pid));
  running.push({
    name: name === 'api' ? 'API' : 'worker',
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  });
  if (child.pid !== undefined) childGroups.add(child.pid);
  return { process: child, failed };
}

function pipeOutput(name: string, child: ChildProcess): void {
  pipeLines(child, (line) => log(name, line));
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (shuttingDown) return new Promise(() => undefined);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 300));
  }
  throw new Error(`GET ${url} did not answer 200 within ${formatDuration(timeoutMs)} (last: ${last})`);
}

/* ------------------------------------------------------------ demo data */

const DEMO_ANCHOR_FILE = join(DATA_DIR, 'demo-data.json');

/** The day the demo data was first loaded: the same day gives the same requests, so a restart replays them. */
function demoAnchor(): CalendarDate {
  try {
    const saved = JSON.parse(readFileSync(DEMO_ANCHOR_FILE, 'utf8')) as { anchor?: unknown };
    if (isCalendarDate(saved.anchor)) return saved.anchor;
  } catch {
    // first run
  }
  return calendarDateAt(Date.now());
}

function rememberDemoAnchor(anchor: CalendarDate): void {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(DEMO_ANCHOR_FILE, `${JSON.stringify({ anchor }, null, 2)}\n`);
}

/* --------------------------------------------------------------- banner */

function printBanner(info: {
  apiBaseUrl: string;
  temporal: TemporalDevServer;
  databaseUrl: string;
  demo: { loaded?: LoadedDemoTrajectory[]; error?: string; skipped?: boolean };
  startedAt: number;
  identity: string[];
}): void {
  const lines = [
    `Inburgering case engine is running (started in ${formatDuration(Date.now() - info.startedAt)})`,
    '',
    `  API            ${info.apiBaseUrl}`,
    `  API docs       ${info.apiBaseUrl}/docs`,
    `  Health         ${info.apiBaseUrl}/health`,
    `  Temporal UI    ${info.temporal.uiUrl}/namespaces/${NAMESPACE}/workflows`,
    `  Temporal gRPC  ${info.temporal.address} (namespace ${NAMESPACE}, task queue ${TASK_QUEUE})`,
    `  PostgreSQL     ${redact(info.databaseUrl)}`,
    `  Data and logs  ${relative(process.cwd(), DATA_DIR) || '.'}/ (delete it to start from scratch)`,
    ...info.identity,
    '',
  ];
  if (info.demo.loaded) {
    lines.push('  Demo trajectories (POSTed through the API; a restart does not duplicate them):');
    for (const demo of info.demo.loaded) {
      lines.push(`    ${demo.trajectoryId}  ${demo.name} (${demo.nationalNumber})`);
      lines.push(`      ${demo.description}`);
    }
  } else if (info.demo.skipped) {
    lines.push('  Demo data: skipped (DEMO_DATA=false)');
  } else {
    lines.push(`  Demo data: not loaded (${info.demo.error})`);
  }
  lines.push('', '  Stop everything with Ctrl-C.');
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = '='.repeat(Math.min(width, 120));
  process.stdout.write(`\n${rule}\n${lines.map((line) => ` ${line}`).join('\n')}\n${rule}\n\n`);
}

/* ------------------------------------------------------- ports and build */

function checkBuild(): void {
  const missing = [WORKER_MAIN, API_MAIN].filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `${missing.map((file) => relative(ROOT, file)).join(' and ')} missing: the project is not built. ` +
        'Run `npm start` (it builds first) or `npm run build`.',
    );
  }
}

function parsePort(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${variable}=${raw} is not a port number`);
  return port;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

async function assertPortFree(port: number, variable: string, what: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `port ${port} for ${what} is in use (another \`npm start\`?); set ${variable} to another port`,
    );
  }
}

/** The port in `variable` (must be free), else the conventional one when free, else any free port. */
async function preferredPort(variable: string, conventional: number): Promise<number | undefined> {
  if (process.env[variable]) {
    const port = parsePort(variable, conventional);
    await assertPortFree(port, variable, variable);
    return port;
  }
  if (await isPortFree(conventional)) return conventional;
  say(`port ${conventional} is in use, taking a free port instead (set ${variable} to choose)`);
  return undefined;
}

/* ------------------------------------------------------------- shutdown */

const childGroups = new Set<number>();

function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      if (shuttingDown) {
        say(`${signal} again: killing everything now`);
        killEverything();
        process.exit(130);
      }
      process.stdout.write('\n');
      void shutdown(0, `${signal} received`);
    };
    process.on(signal, handler);
  }
  // Last resort if we die on an exception: no orphaned worker or API.
  process.on('exit', killEverything);
}

function killEverything(): void {
  for (const pid of childGroups) killGroup(pid, 'SIGKILL');
  childGroups.clear();
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

function shutdown(exitCode: number, reason: string): Promise<void> {
  shuttingDown ??= (async () => {
    say(`stopping (${reason}) ...`);
    const started = Date.now();
    for (const service of [...running].reverse()) {
      const step = Date.now();
      try {
        await service.stop();
        say(`stopped ${service.name} (${formatDuration(Date.now() - step)})`);
      } catch (error) {
        say(`stopping ${service.name} failed: ${(error as Error).message}`);
        exitCode = exitCode || 1;
      }
    }
    say(`everything stopped in ${formatDuration(Date.now() - started)}`);
    process.exit(exitCode);
  })();
  return shuttingDown;
}

main().catch((error: Error) => {
  if (shuttingDown) return;
  say(`FAILED: ${error.message}`);
  void shutdown(1, 'start-up failed');
});
