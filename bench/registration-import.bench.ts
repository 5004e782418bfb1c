import { createReadStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { addDays, calendarDate, calendarDateAt, composeNationalNumber } from '../libs/domain/src';
import { demoAccessToken, startEmbeddedIdentityProvider } from '../libs/identity/src';
import { applicationRoleUrl } from '../libs/store/src';
import { findFreePort } from '../libs/store/src/postgres/free-port';
import { startTemporalDevServer } from '../scripts/temporal/dev-server';
import { findOrBuildTemporalCli } from '../scripts/temporal/temporal-cli';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { bundleTrajectoryWorkflows } from '../apps/worker/src/workflow-bundle';
import { startAppProcess } from './app-processes';
import { openBenchDatabase } from './bench-database';
import { cloneTrajectories } from './clone-trajectories';
import { formatSeconds, log, positiveInteger, renderTable } from './measure';

/**
 * Issue 8 §1: a registration file of BENCH_ROWS rows (default 50,000), each linking an open trajectory whose
 * contract runs (so each link also meets the VDAB deadline), end to end: HTTP upload (streamed, staged in
 * PostgreSQL) → import workflow → batches linked in sets → events, read models and every row's outcome. The API
 * and the worker run as production runs them, each its own process (dist/apps/<app>/src/main.js), their RSS
 * sampled from /proc. The baseline, in the same run: a plain COPY of the same file into a scratch table.
 *
 * The open trajectories: BENCH_OPENED (default 101) are opened through the API (intake, contract), with running
 * workflows; they are then copied in SQL (clone-trajectories: events, folded states, read models) up to
 * BENCH_ROWS. The copies have no running workflow, as trajectories waiting in pending_workflow_starts; the set
 * linking reads and writes the store only, so it treats both alike.
 *   npm run bench:registration-import   (BENCH_ROWS=50000 BENCH_OPENED=101)
 */
const ROWS = positiveInteger('BENCH_ROWS', 50_000);
const OPENED = positiveInteger('BENCH_OPENED', 101);
const TASK_QUEUE = 'bench-registration-import';
const DAY = 86_400_000;
/** The import's progress is asked for as often as the web app asks (every 700 ms). */
const POLL_MS = 700;
/** The worker's heap limits, as docker-compose.yml sets them. */
const WORKER_NODE_OPTIONS = '--max-old-space-size=192 --max-semi-space-size=8';
/** The workflow cache that heap holds, as docker-compose.yml sets it. */
const WORKER_MAX_CACHED_WORKFLOWS = '400';
/**
 * glibc's malloc arenas of the worker, as docker-compose.yml sets them (2; glibc's default on this machine is 16, eight
 * per core). BENCH_WORKER_MALLOC_ARENA_MAX=16 measures the default.
 */
const WORKER_MALLOC_ARENA_MAX = process.env.BENCH_WORKER_MALLOC_ARENA_MAX || '2';
/**
 * glibc's mmap threshold of the worker, as docker-compose.yml sets it (128 kB, fixed): larger blocks (the buffers of a
 * set's statements and results) are mapped and unmapped, not kept in the arenas. BENCH_WORKER_MALLOC_MMAP_THRESHOLD=
 * (empty) measures glibc's default, a threshold that rises with the blocks freed.
 */
const WORKER_MALLOC_MMAP_THRESHOLD = process.env.BENCH_WORKER_MALLOC_MMAP_THRESHOLD ?? '131072';
/**
 * BENCH_WORKER_CPU_PROFILE=<dir>: the worker writes a CPU profile there when it stops (node --cpu-prof, an argument of
 * node: NODE_OPTIONS may not carry it).
 */
const WORKER_PROFILE = process.env.BENCH_WORKER_CPU_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROFILE}`]
  : [];
/** BENCH_WORKER_NODE_OPTIONS: more options for the worker's node (e.g. `--require` of a memory probe). */
const WORKER_EXTRA = process.env.BENCH_WORKER_NODE_OPTIONS ? ` ${process.env.BENCH_WORKER_NODE_OPTIONS}` : '';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const cleanups: (() => Promise<unknown>)[] = [];
  const files: string[] = [];
  try {
    const cliPath = await findOrBuildTemporalCli({ log });
    const [temporal, database, identity, bundle] = await Promise.all([
      startTemporalDevServer({ cliPath }),
      openBenchDatabase(2),
      startEmbeddedIdentityProvider(),
      bundleTrajectoryWorkflows(),
    ]);
    cleanups.push(
      () => temporal.stop(),
      () => database.close(),
      () => identity.close(),
    );
    const port = await findFreePort();
    const environment = {
      // As deployed: the application's role, which may only append to the events.
      DATABASE_URL: applicationRoleUrl((database.dataSource.options as PostgresDataSourceOptions).url!),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      OIDC_ISSUER: identity.issuer,
      TEMPORAL_PAYLOAD_KEYS:
        process.env.TEMPORAL_PAYLOAD_KEYS || `bench:${randomBytes(32).toString('base64')}`,
    };
    // Built ahead, as a deployment builds it (WORKFLOW_BUNDLE_PATH): the worker runs no webpack.
    const bundlePath = join(tmpdir(), `bench-registrations-${process.pid}-workflows.js`);
    files.push(bundlePath);
    await writeFile(bundlePath, bundle.code);
    const phases = workerPhases();
    const worker = await startAppProcess(
      'worker',
      {
        ...environment,
        WORKFLOW_BUNDLE_PATH: bundlePath,
        IMPORT_PHASE_TIMINGS: 'true',
        MAX_CACHED_WORKFLOWS: WORKER_MAX_CACHED_WORKFLOWS,
        MALLOC_ARENA_MAX: WORKER_MALLOC_ARENA_MAX,
        ...(WORKER_MALLOC_MMAP_THRESHOLD ? { MALLOC_MMAP_THRESHOLD_: WORKER_MALLOC_MMAP_THRESHOLD } : {}),
        NODE_OPTIONS: WORKER_NODE_OPTIONS + WORKER_EXTRA,
      },
      /polling task queue/,
      200,
      phases.onLine,
      WORKER_PROFILE,
    );
    cleanups.push(() => worker.stop());
    const api = await startAppProcess(
      'api',
      {
        ...environment,
        PORT: String(port),
        HOST: '127.0.0.1',
        RUN_MIGRATIONS: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      /listening on/,
    );
    cleanups.push(() => api.stop());
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`worker (pid ${worker.pid}) and API (pid ${api.pid}, ${baseUrl}) up`);

    const counsellor = await demoAccessToken(identity.issuer, 'counsellor-gent');
    const partner = await demoAccessToken(identity.issuer, 'vdab-system');
    log(`opening ${OPENED} trajectories through the API (intake, contract)`);
    await openTrajectories(baseUrl, counsellor, OPENED);
    const copies = Math.ceil(ROWS / OPENED) - 1;
    // Not their outbox messages: no partner subscribes in the bench, so the copies' 100,000 pending messages could never
    // be delivered, and every idle poll of the worker's outbox relay (four lanes, each once a second) scanned them
    // all (2.4-4.8 s of PostgreSQL's time a poll under load), beside the import. BENCH_COPY_OUTBOX=1 copies them.
    const added = await cloneTrajectories(database.dataSource, {
      copies,
      serialBase: 500,
      excludeTables: process.env.BENCH_COPY_OUTBOX === '1' ? [] : ['outbox_messages'],
    });
    await database.dataSource.query('VACUUM ANALYZE');
    log(`copied them ${copies}× in SQL: ${added} trajectories added`);

    const registeredOn = calendarDateAt(Date.now() - 2 * DAY);
    const numbers: { national_number: string }[] = await database.dataSource.query(
      `SELECT national_number FROM trajectory_summaries WHERE status <> 'CLOSED' ORDER BY national_number LIMIT $1`,
      [ROWS],
    );
    if (numbers.length !== ROWS) throw new Error(`only ${numbers.length} open trajectories`);
    const file = join(tmpdir(), `bench-registrations-${process.pid}.csv`);
    files.push(file);
    const lines = numbers.map(
      ({ national_number }, i) => `${national_number};${registeredOn};"VDAB Gent; loket ${i % 7}";VDAB-L${i}`,
    );
    await writeFile(
      file,
      `nationalNumber;registeredOn;office;partnerDossierId\r\n${lines.join('\r\n')}\r\n`,
      {
        mode: 0o644,
      },
    );

    const copyMs = await plainCopy(database.dataSource, file);
    log(`COPY of ${ROWS} rows: ${formatSeconds(copyMs)}`);
    const idle = { worker: worker.peakRss(), api: api.peakRss() };
    for (const app of [worker, api]) app.resetPeak();

    const loadBefore = loadavg()[0];
    const cpuBefore = await cpuSeconds(database.dataSource, [worker.pid, api.pid]);
    const run = await importFile(baseUrl, partner, file);
    const cpuAfter = await cpuSeconds(database.dataSource, [worker.pid, api.pid]);
    const loadAfter = loadavg()[0];
    log(`import: ${JSON.stringify(run.outcomes)}`);
    const [written] = await database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM events WHERE type = 'VdabRegistrationRecorded') AS events,
              (SELECT count(*)::int FROM trajectory_summaries WHERE vdab_client_reference LIKE 'VDAB-L%') AS summaries,
              (SELECT count(*)::int FROM deadlines WHERE kind = 'VDAB_REGISTRATION' AND state = 'MET') AS met`,
    );
    if (run.outcomes.LINKED !== ROWS || written.events !== ROWS || written.summaries !== ROWS)
      throw new Error(
        `expected ${ROWS} links, events and summaries; got ${run.outcomes.LINKED}, ${JSON.stringify(written)}`,
      );
    log(`written: ${JSON.stringify(written)}`);

    const rate = (ms: number) => Math.round((ROWS * 1000) / ms).toLocaleString('en');
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    console.log(
      `\n${renderTable(
        [
          'step',
          'rows',
          'upload + staging',
          'to last outcome',
          'end to end',
          'rows/s',
          'x COPY',
          'peak RSS worker',
          'peak RSS API',
        ],
        [
          [
            'plain COPY into a scratch table',
            String(ROWS),
            '',
            '',
            formatSeconds(copyMs),
            rate(copyMs),
            '1.0',
            '',
            '',
          ],
          [
            'import, every row a link',
            String(ROWS),
            formatSeconds(run.uploadMs),
            formatSeconds(run.totalMs - run.uploadMs),
            formatSeconds(run.totalMs),
            rate(run.totalMs),
            (run.totalMs / copyMs).toFixed(0),
            mb(worker.peakRss()),
            mb(api.peakRss()),
          ],
        ],
      )}\n`,
    );
    console.log(
      `RSS before the import (peak while opening and copying): worker ${mb(idle.worker)}, API ${mb(idle.api)}`,
    );
    console.log(
      `one-minute load average: ${loadBefore.toFixed(1)} at the import's start, ${loadAfter.toFixed(1)} at its end`,
    );
    const cpu = (key: string) => (cpuAfter.get(key) ?? 0) - (cpuBefore.get(key) ?? 0);
    console.log(
      `CPU seconds during the import (less sensitive to the machine's load than its wall time): worker ${cpu(String(worker.pid)).toFixed(1)} s, API ${cpu(String(api.pid)).toFixed(1)} s, PostgreSQL backends of the worker ${cpu('inburgering-worker').toFixed(1)} s, of the API ${cpu('inburgering-api').toFixed(1)} s`,
    );
    console.log(`\n${phases.table(await phases.reported(), run.totalMs - run.uploadMs)}\n`);
  } finally {
    for (const path of files) await rm(path, { force: true });
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: Error) => log(`shutdown: ${error.message}`));
  }
}

async function openTrajectories(baseUrl: string, token: string, count: number): Promise<void> {
  const post = async (path: string, body: object, key: string) => {
    let response: Response;
    // A loaded machine may answer 503 (the workflow did not answer in time): sent again with the same key.
    for (let attempt = 1; ; attempt++) {
      response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(body),
      });
      if (response.status !== 503 || attempt === 5) break;
      await response.text();
    }
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { trajectoryId: string };
  };
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const birthDate = addDays(calendarDate('1975-01-01'), index);
      const { trajectoryId } = await post(
        '/trajectories',
        {
          nationalNumber: composeNationalNumber(birthDate, 1),
          givenName: 'Bench',
          familyName: `Newcomer ${index}`,
          birthDate,
          municipality: 'Gent',
          agency: 'IN_GENT',
          registeredOn: calendarDateAt(Date.now() - 20 * DAY),
        },
        `bench-open-${index}`,
      );
      await post(
        `/trajectories/${trajectoryId}/intake`,
        { intakeOn: calendarDateAt(Date.now() - 15 * DAY) },
        `bench-intake-${index}`,
      );
      await post(
        `/trajectories/${trajectoryId}/contract`,
        { signedOn: calendarDateAt(Date.now() - 10 * DAY) },
        `bench-contract-${index}`,
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
}

async function importFile(
  baseUrl: string,
  token: string,
  path: string,
): Promise<{ uploadMs: number; totalMs: number; outcomes: Record<string, number> }> {
  const size = (await stat(path)).size;
  const authorization = { Authorization: `Bearer ${token}` };
  const started = performance.now();
  const startedAt = Date.now();
  const response = await fetch(`${baseUrl}/registration-imports?partner=VDAB`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', 'Content-Length': String(size), ...authorization },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`upload: ${response.status} ${await response.text()}`);
  const { importId } = (await response.json()) as { importId: string };
  const uploadMs = performance.now() - started;
  for (;;) {
    const view = (await (
      await fetch(`${baseUrl}/registration-imports/${importId}`, { headers: authorization })
    ).json()) as {
      status: string;
      completedAt: string | null;
      outcomes: Record<string, number>;
    };
    // The end is the import's own completion instant (the store's clock, on this machine), not the poll that saw it.
    if (view.status === 'COMPLETED')
      return { uploadMs, totalMs: Date.parse(view.completedAt!) - startedAt, outcomes: view.outcomes };
    // As often as the web app asks (apps/web/src/pages/ImportsPage.tsx): each answer counts the file's rows.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The worker's `import phases` log entry (where its batches spent their time), as a table. */
function workerPhases() {
  let report: Record<string, { ms: number; runs: number }> | undefined;
  let arrived = () => {};
  return {
    onLine(line: string) {
      if (!line.includes('"import phases"')) return;
      report = (JSON.parse(line) as { phases: typeof report }).phases;
      arrived();
    },
    async reported() {
      if (!report) await new Promise<void>((resolve) => ((arrived = resolve), setTimeout(resolve, 5_000)));
      return report ?? {};
    },
    table(phases: Record<string, { ms: number; runs: number }>, workflowMs: number): string {
      const batches = phases['batch: activity (all of it)']?.ms ?? 0;
      const rows = Object.entries(phases).map(([phase, { ms, runs }]) => [
        phase,
        String(runs),
        formatSeconds(ms),
        `${((100 * ms) / workflowMs).toFixed(0)} %`,
      ]);
      rows.push([
        'outside the batch activities (Temporal, polling, start and completion)',
        '',
        formatSeconds(workflowMs - batches),
        `${((100 * (workflowMs - batches)) / workflowMs).toFixed(0)} %`,
      ]);
      return `Where the import's time went (worker, summed per phase; the phases of the sets linked side by side overlap):\n${renderTable(
        ['phase', 'runs', 'time', 'of upload end → last outcome'],
        rows,
      )}`;
    },
  };
}

/**
 * CPU time (user + system, seconds) of these processes and of the PostgreSQL backends of each application name
 * connected to the bench's database (by application name), read from /proc: the work the import costs, whatever
 * else the machine runs. A backend that ends between two readings is missed.
 */
async function cpuSeconds(
  dataSource: { query: (sql: string) => Promise<{ pid: number; application_name: string }[]> },
  pids: number[],
): Promise<Map<string, number>> {
  const ticks = async (pid: number) => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.length > 13 ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
  };
  const totals = new Map<string, number>();
  for (const pid of pids) totals.set(String(pid), await ticks(pid));
  const backends = await dataSource.query(
    `SELECT pid, application_name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  for (const { pid, application_name } of backends)
    totals.set(application_name, (totals.get(application_name) ?? 0) + (await ticks(pid)));
  return totals;
}

/** The baseline: the same file into a table of text columns with PostgreSQL's own COPY. */
async function plainCopy(
  dataSource: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> },
  path: string,
): Promise<number> {
  await dataSource.query(
    `CREATE TABLE bench_copy_scratch (national_number text, registered_on text, office text, partner_dossier_id text)`,
  );
  try {
    const started = performance.now();
    await dataSource.query(
      `COPY bench_copy_scratch FROM '${path.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true, DELIMITER ';')`,
    );
    return performance.now() - started;
  } finally {
    await dataSource.query(`DROP TABLE bench_copy_scratch`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
