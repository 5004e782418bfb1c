import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type EventRow, insertEventRows } from '../libs/store/src/bulk/insert-event-rows';
import { openCaseloadFile } from '../scripts/open-bulk';
import { openBenchDatabase } from './bench-database';
import { caseloadRows, writeJsonLines } from './caseload-workload';
import { formatSeconds, log, positiveInteger, renderTable } from './measure';

/**
 * Bulk opening (`npm run open:bulk`): an agency's caseload file of BENCH_BULK_OPEN_TRAJECTORIES rows (default
 * 100,000, generated with the domain's national numbers and target-group facts) opened into a fresh database: every
 * row validated and decided, the events appended with appendMany (hash chain, states, read models, outbox) and the
 * workflows queued. Against it, in the same run, the very same event rows written without any of that into a scratch
 * table with the events' columns and no index or trigger: with multi-row INSERTs of the same batch sizes from this
 * process, and with a server-side COPY. Goal: 100,000 trajectories in at most 5 minutes.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:bulk-open
 */
const config = {
  trajectories: positiveInteger('BENCH_BULK_OPEN_TRAJECTORIES', 100_000),
  batchSize: positiveInteger('BENCH_BULK_OPEN_BATCH', 1_000),
};
const SCRATCH = 'bench_bulk_open_copy';

async function main(): Promise<void> {
  const database = await openBenchDatabase(4);
  const directory = await mkdtemp(join(tmpdir(), 'bulk-open-bench-'));
  // The server writes and reads the COPY baseline's file here (as its own user).
  await chmod(directory, 0o777);
  try {
    const { dataSource } = database;
    const file = join(directory, 'caseload.jsonl');
    let started = performance.now();
    await writeJsonLines(file, caseloadRows('AGII', config.trajectories));
    log(
      `${database.origin} (PostgreSQL ${database.serverVersion}); caseload file of ${config.trajectories} rows written in ${formatSeconds(performance.now() - started)}`,
    );

    const rss = peakRss();
    started = performance.now();
    const summary = await openCaseloadFile(
      dataSource,
      {
        file,
        format: 'JSONL',
        agency: 'AGII',
        actor: 'bench-operator',
        role: 'operator',
        batchSize: config.batchSize,
        problemsFile: join(directory, 'problems.csv'),
      },
      (progress) => {
        if (progress.rows % 10_000 < config.batchSize)
          log(`${progress.outcomes.OPENED} opened after ${formatSeconds(performance.now() - started)}`);
      },
    );
    const openMs = performance.now() - started;
    const peakRssMb = rss.stop();
    if (summary.outcomes.OPENED !== config.trajectories)
      throw new Error(
        `opened ${summary.outcomes.OPENED} of ${config.trajectories}: ${JSON.stringify(summary)}`,
      );

    const [{ queued }] = await dataSource.query<{ queued: number }[]>(
      `SELECT count(*)::int AS queued FROM pending_workflow_starts WHERE reason = 'BULK_OPENING'`,
    );
    const rows = await eventRowsOf(dataSource);
    const eventsPerBatch = Math.round((rows.length / config.trajectories) * config.batchSize);
    const insertMs = await baselineInserts(dataSource, rows, eventsPerBatch);
    const copyMs = await baselineCopy(dataSource, directory);

    const line = (name: string, ms: number) => [
      name,
      (ms / 1000).toFixed(1),
      ((config.trajectories * 1000) / ms).toFixed(0),
      ((rows.length * 1000) / ms).toFixed(0),
      (openMs / ms).toFixed(1),
    ];
    console.log(
      `\nBulk opening, ${config.trajectories} trajectories (${rows.length} events), batches of ${config.batchSize} rows; ` +
        `${queued} workflow starts queued; peak RSS ${peakRssMb.toFixed(0)} MB\n\n` +
        renderTable(
          ['path', 'seconds', 'trajectories/s', 'events/s', 'bulk opening ÷ this'],
          [
            line('bulk opening (open:bulk: validate, decide, appendMany, queue)', openMs),
            line('baseline: multi-row INSERT of the same event rows (scratch table)', insertMs),
            ...(copyMs === undefined
              ? []
              : [line('baseline: COPY of the same event rows (scratch table)', copyMs)]),
          ],
        ) +
        `\n\nGoal: ${config.trajectories} trajectories in at most 300 s; measured ${(openMs / 1000).toFixed(1)} s.`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
    await database.close();
  }
}

/** The events as stored, in position order (not timed). */
async function eventRowsOf(dataSource: DataSource): Promise<EventRow[]> {
  const rows = await dataSource.query<EventRow[]>(
    `SELECT stream_id, version, type, schema_version, data, metadata,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at
       FROM events ORDER BY position`,
  );
  return rows;
}

async function createScratch(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DROP TABLE IF EXISTS ${SCRATCH}`);
  await dataSource.query(
    `CREATE TABLE ${SCRATCH} (stream_id text NOT NULL, version integer NOT NULL, type text NOT NULL,
       schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL)`,
  );
}

/** The same rows, as multi-row INSERTs from this process in batches of the bulk opening's size. */
async function baselineInserts(dataSource: DataSource, rows: EventRow[], perBatch: number): Promise<number> {
  await createScratch(dataSource);
  const started = performance.now();
  for (let from = 0; from < rows.length; from += perBatch)
    await insertEventRows(dataSource, rows.slice(from, from + perBatch), SCRATCH);
  const ms = performance.now() - started;
  await dataSource.query(`DROP TABLE ${SCRATCH}`);
  return ms;
}

/**
 * The same rows with COPY, from a file the server wrote and reads (it runs on this machine; the benchmark's role is
 * the owner). Undefined when the server cannot write there.
 */
async function baselineCopy(dataSource: DataSource, directory: string): Promise<number | undefined> {
  const file = join(directory, 'events.copy');
  try {
    await dataSource.query(
      `COPY (SELECT stream_id, version, type, schema_version, data, metadata, occurred_at FROM events ORDER BY position)
         TO '${file}'`,
    );
  } catch (error) {
    log(`no COPY baseline: the server cannot write ${file} (${(error as Error).message})`);
    return undefined;
  }
  await createScratch(dataSource);
  const started = performance.now();
  await dataSource.query(`COPY ${SCRATCH} FROM '${file}'`);
  const ms = performance.now() - started;
  await dataSource.query(`DROP TABLE ${SCRATCH}`);
  return ms;
}

/** Samples the process's resident set size; `stop` answers the peak in MB. */
function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
