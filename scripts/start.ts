import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import { CalendarDate, calendarDateAt, isCalendarDate } from '../libs/domain/src';
import { prepareApplicationRole, runMigrations } from '../libs/store/src/postgres';
import { pipeLines } from './child-output';
import { relayChildLine, startLog } from './start-log';
import { killGroup, superviseService, SupervisedService } from './supervised-service';
import { loadDemoData, LoadedDemoTrajectory } from './demo-data';
import { loadDemoOffices } from './demo-offices';
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
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP stops everything in order: API, worker, Temporal, PostgreSQL. A worker or API
 * that crashes is restarted with a backoff while the rest keeps running (scripts/supervised-service.ts).
 * Environment: HOST (the API's address, default 127.0.0.1), PORT (API, default 3000), TEMPORAL_PORT (default 7233),
 * TEMPORAL_UI_PORT (default 8233), POSTGRES_PORT (embedded PostgreSQL, default 5433), DATABASE_URL, TEMPORAL_CLI,
 * DEMO_DATA=false to skip the demo data, INBURGERING_DATA_DIR (default .data). A port left to its default that is
 * taken is replaced by a free one (printed in the banner). Logs: LOG_LEVEL, LOG_FORMAT (see libs/logging).
 */

const ROOT = resolve(__dirname, '..', '..'); // dist/scripts/start.js -> repository root
const DATA_DIR = resolve(ROOT, process.env.INBURGERING_DATA_DIR || '.data');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
/**
 * The worker's glibc allocator as docker-compose.yml sets it, unless the environment says otherwise: two arenas
 * (not eight per core) and blocks of 128 kB and more returned when freed, which keep a registration file's import
 * under 300 MB (docs/performance.md, Registration file).
 */
const WORKER_ALLOCATOR: NodeJS.ProcessEnv = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
const POSTGRES_MAIN = join(ROOT, 'dist', 'scripts', 'postgres-process.js');
const TASK_QUEUE = 'trajectories';
const NAMESPACE = 'default';
const APP_DATABASE = 'inburgering';

type Stoppable = { name: string; stop(): Promise<void> };

/** What runs, newest last; stopped in reverse order. */
const running: Stoppable[] = [];
let shuttingDown: Promise<void> | undefined;

function log(name: string, line: string): void {
  startLog.info({ service: name }, line);
}
const say = (line: string) => startLog.info(line);

async function main(): Promise<void> {
  installSignalHandlers();
  const startedAt = Date.now();
  checkBuild();

  const apiPort = parsePort('PORT', 3000);
  const apiHost = process.env.HOST || '127.0.0.1';
  await assertPortFree(apiPort, 'PORT', 'the API', apiHost);

  // Temporal and PostgreSQL start side by side.
  const [temporal, databaseUrl] = await Promise.all([startTemporal(), startPostgres()]);
  const identity = await startIdentity((line) => log('identity', line), DATA_DIR);
  running.push({ name: 'OpenID provider', stop: identity.close });

  let step = Date.now();
  const applied = await runMigrations(databaseUrl);
  say(
    `migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'none pending'} (${formatDuration(Date.now() - step)})`,
  );

  // The API and the worker connect as the application role, which cannot alter the events (issue 6 §4).
  const applicationDatabaseUrl = await prepareApplicationRole(databaseUrl);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: applicationDatabaseUrl,
    DATABASE_OWNER_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    PORT: String(apiPort),
    HOST: apiHost,
    // Children log JSON lines; this process re-logs them in its own format (pretty in a terminal).
    LOG_FORMAT: 'json',
    ...identity.env,
    TEMPORAL_PAYLOAD_KEYS: ensurePayloadKeys(DATA_DIR, (line) => log('temporal', line)),
    // The caseworkers' web app, built by `npm start` (scripts/web/build-web.ts), served by the API at /app/.
    WEB_APP_DIR: process.env.WEB_APP_DIR || join(ROOT, 'dist', 'web'),
  };
  step = Date.now();
  const worker = spawnService('worker', WORKER_MAIN, { ...WORKER_ALLOCATOR, ...childEnv });
  const api = spawnService('api', API_MAIN, childEnv);
  const apiBaseUrl = `http://${apiHost === '0.0.0.0' || apiHost === '::' ? '127.0.0.1' : apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${apiPort}`;
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
        loadDemoOffices(apiBaseUrl, {
          managerToken: identity.managerToken,
          log: (line) => startLog.debug({ service: 'demo' }, line),
        }).then(() =>
          loadDemoData(apiBaseUrl, {
            today: anchor,
            log: (line) => startLog.debug({ service: 'demo' }, line),
            accessToken: identity.counsellorToken,
          }),
        ),
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

  printBanner({ apiBaseUrl, apiHost, temporal, databaseUrl, demo, startedAt, identity: identity.banner });
  writeRunFile({ apiBaseUrl, temporal });
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
    onOutput: (line) => relayChildLine('temporal', line),
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

const services: SupervisedService[] = [];

function spawnService(name: 'worker' | 'api', main: string, env: NodeJS.ProcessEnv): SupervisedService {
  const service = superviseService({
    name,
    main,
    cwd: ROOT,
    env,
    logger: startLog,
    onLine: (line) => relayChildLine(name, line),
    groups: childGroups,
  });
  service.failed.catch((error: Error) => {
    if (!shuttingDown) void shutdown(1, error.message);
  });
  services.push(service);
  running.push({ name: name === 'api' ? 'API' : 'worker', stop: service.stop });
  return service;
}

function pipeOutput(name: string, child: ReturnType<typeof spawn>): void {
  pipeLines(child, (line) => relayChildLine(name, line));
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
  apiHost: string;
  temporal: TemporalDevServer;
  databaseUrl: string;
  demo: { loaded?: LoadedDemoTrajectory[]; error?: string; skipped?: boolean };
  startedAt: number;
  identity: string[];
}): void {
  const demo = info.demo.loaded
    ? `${info.demo.loaded.length} demo trajectories, e.g. GET ${info.apiBaseUrl}/trajectories/${info.demo.loaded[0]?.trajectoryId ?? ''}`
    : info.demo.skipped
      ? 'demo data skipped (DEMO_DATA=false)'
      : `demo data not loaded (${info.demo.error})`;
  const lines: Array<[string, Record<string, unknown>]> = [
    [
      `ready in ${formatDuration(Date.now() - info.startedAt)}; stop with Ctrl-C`,
      { startedInMs: Date.now() - info.startedAt },
    ],
    [
      `API          ${info.apiBaseUrl} (docs /docs, health /health) on ${info.apiHost}`,
      { api: info.apiBaseUrl },
    ],
    [
      `Web app      ${info.apiBaseUrl}/app/ (sign in as a demo user, password "demo"; Dutch, English)`,
      { webApp: `${info.apiBaseUrl}/app/` },
    ],
    [
      `Temporal     ${info.temporal.address}, UI ${info.temporal.uiUrl ?? '(none)'} (namespace ${NAMESPACE}, queue ${TASK_QUEUE})`,
      { temporal: info.temporal.address, temporalUi: info.temporal.uiUrl },
    ],
    [`PostgreSQL   ${redact(info.databaseUrl)}`, { postgres: redact(info.databaseUrl) }],
    [`Data, logs   ${relative(process.cwd(), DATA_DIR) || '.'}/; ${demo}`, { dataDir: DATA_DIR }],
    ...info.identity.map((line): [string, Record<string, unknown>] => [line.trim(), {}]),
  ];
  for (const [line, fields] of lines) startLog.info(fields, line);
}

/** Who runs with which pid, for operators and the tests: <data dir>/run.json, removed at shutdown. */
const RUN_FILE = join(DATA_DIR, 'run.json');

function writeRunFile(info: { apiBaseUrl: string; temporal: TemporalDevServer }): void {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(
    RUN_FILE,
    `${JSON.stringify({ orchestrator: process.pid, apiBaseUrl: info.apiBaseUrl, temporal: info.temporal.address, temporalPid: info.temporal.pid }, null, 2)}\n`,
  );
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

function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, host, () => server.close(() => resolvePort(true)));
  });
}

async function assertPortFree(port: number, variable: string, what: string, host?: string): Promise<void> {
  if (!(await isPortFree(port, host))) {
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
    rmSync(RUN_FILE, { force: true });
    say(`everything stopped in ${formatDuration(Date.now() - started)}`);
    process.exit(exitCode);
  })();
  return shuttingDown;
}

main().catch((error: Error) => {
  if (shuttingDown) return;
  startLog.error(`FAILED: ${error.message}`);
  void shutdown(1, 'start-up failed');
});
