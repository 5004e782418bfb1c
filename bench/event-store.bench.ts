import { cpus } from 'node:os';
import type { Pool } from 'pg';
import { addDays, AGENCY_CODES, DeadlineState } from '../libs/domain/src';
import { AppendRequest, DeadlineFilter, EventStore, TypeOrmTrajectoryQueries } from '../libs/store/src';
import { BenchDatabase, openBenchDatabase } from './bench-database';
import { cloneTrajectories } from './clone-trajectories';
import {
  countStatementsWith,
  formatSeconds,
  formatTable,
  log,
  Measurement,
  positiveInteger,
  runConcurrently,
  TableRow,
  timed,
} from './measure';
import {
  BENCH_TODAY,
  buildWorkload,
  seededRandom,
  TRAJECTORIES_PER_COUNSELLOR,
  WorkloadTrajectory,
} from './trajectory-workload';

/**
 * The event store under a realistic workload, against baselines measured in the same process:
 *
 * - writes: `EventStore.append` (events + read models + outbox in one transaction), one append per command of real
 *   trajectories, sequentially and with `BENCH_CONCURRENCY` trajectories at once; baseline: a bare multi-row INSERT
 *   of the same event rows into a scratch table with the same columns and unique (stream_id, version), one
 *   transaction per command, through the same pg pool.
 * - reads, with `BENCH_READ_TRAJECTORIES` trajectories in the tables: findTrajectory, timeline, listDeadlines with
 *   state + agency + due range, a counsellor's caseload; baseline: a primary-key SELECT on the same pool. The
 *   trajectories appended by the write phases are copied in SQL up to that volume (see clone-trajectories), or,
 *   with BENCH_FILL=append, the rest is appended through the store (minutes).
 *
 * Baseline and measured work alternate in small rounds so drift on a noisy machine hits both alike.
 *
 *   npm run bench                                  (embedded PostgreSQL)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *
 * Sizes: BENCH_TRAJECTORIES (per write mode), BENCH_READ_TRAJECTORIES, BENCH_READ_QUERIES, BENCH_CONCURRENCY.
 * Statements per operation (stmts/op) count the round trips on the pool, transaction control included.
 */

const config = {
  writeTrajectories: positiveInteger('BENCH_TRAJECTORIES', 300),
  readTrajectories: positiveInteger('BENCH_READ_TRAJECTORIES', 5_000),
  readQueries: positiveInteger('BENCH_READ_QUERIES', 500),
  concurrency: positiveInteger('BENCH_CONCURRENCY', 8),
  fill: process.env.BENCH_FILL === 'append' ? ('append' as const) : ('clone' as const),
  warmupTrajectories: 24,
  warmupReads: 30,
  /** Trajectories per alternating round (sequential) and per worker per round (concurrent). */
  roundSize: 10,
};

const BASELINE_TABLE = 'bench_baseline_events';

let stopRequested = false;

async function main(): Promise<void> {
  const stopOnSignal = () => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    log(
      'stopping after the current round (again to exit at once; the throwaway database is then left behind)',
    );
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);

  const started = performance.now();
  const writeCount = config.warmupTrajectories * 2 + config.writeTrajectories * 2;
  const total = config.fill === 'append' ? Math.max(config.readTrajectories, writeCount) : writeCount;
  // Sized for the read volume, so a caseload holds what a caseworker's would at the design target.
  const counsellorCount = Math.max(1, Math.round(config.readTrajectories / TRAJECTORIES_PER_COUNSELLOR));
  const deciding = performance.now();
  const workload = buildWorkload('bench', total, counsellorCount);
  const commands = sum(workload.trajectories, (trajectory) => trajectory.appends.length);
  const events = sum(workload.trajectories, (trajectory) =>
    sum(trajectory.appends, (append) => append.events.length),
  );
  log(
    `workload: ${total} trajectories, ${commands} commands, ${events} events (${(events / commands).toFixed(2)} per ` +
      `command), ${counsellorCount} counsellors; decided in ${formatSeconds(performance.now() - deciding)}`,
  );

  const database = await openBenchDatabase(config.concurrency + 2);
  try {
    log(
      `database: ${database.origin}, PostgreSQL ${database.serverVersion}; node ${process.version}, ` +
        `${cpus().length} CPUs; concurrency ${config.concurrency}`,
    );
    countStatementsWith(database.statementsSent);
    await createBaselineTable(database);
    const rows = await benchmark(database, workload.trajectories, workload.counsellors);
    console.log(`\n${formatTable(rows)}\n`);
    console.log(
      '× baseline = baseline ops/s ÷ ops/s (writes: bare INSERT of the same rows, one transaction per command, ' +
        'same concurrency; reads: primary-key SELECT of a trajectory summary).',
    );
    log(`done in ${formatSeconds(performance.now() - started)}`);
  } finally {
    await database.close();
  }
}

async function benchmark(
  database: BenchDatabase,
  trajectories: WorkloadTrajectory[],
  counsellors: string[],
): Promise<TableRow[]> {
  const store = new EventStore(database.dataSource);
  const queries = new TypeOrmTrajectoryQueries(database.dataSource);
  const append = (request: AppendRequest) => store.append(request);
  const insert = (request: AppendRequest) => insertBaseline(database.pool, request);
  const take = takeFrom(trajectories);

  // Warm-up: connections, prepared plans, JIT of both paths; not measured.
  const warmup = take(config.warmupTrajectories * 2);
  await runCommands(warmup, 1, insert);
  await runCommands(warmup.slice(0, config.warmupTrajectories), 1, append);
  await runCommands(warmup.slice(config.warmupTrajectories), config.concurrency, append);

  const writeRows: TableRow[] = [];
  for (const concurrency of [1, config.concurrency]) {
    const label = concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`;
    const baseline = new Measurement(`INSERT events (baseline), ${label}`);
    const measured = new Measurement(`EventStore.append, ${label}`);
    const phaseStarted = performance.now();
    const chunk = config.roundSize * concurrency;
    const mine = take(config.writeTrajectories);
    for (let round = 0; round * chunk < mine.length && !stopRequested; round += 1) {
      const slice = mine.slice(round * chunk, (round + 1) * chunk);
      // Alternate who goes first, so neither always meets the other's leftovers (checkpoints, autovacuum).
      const order: [Measurement, typeof append | typeof insert][] =
        round % 2 === 0
          ? [
              [baseline, insert],
              [measured, append],
            ]
          : [
              [measured, append],
              [baseline, insert],
            ];
      for (const [measurement, work] of order) await runCommands(slice, concurrency, work, measurement);
    }
    log(`writes, ${label}: ${measured.count} appends in ${formatSeconds(performance.now() - phaseStarted)}`);
    writeRows.push({ measurement: baseline }, { measurement: measured, baseline });
  }

  // The read volume (not measured).
  const filling = performance.now();
  let fillNote: string;
  if (config.fill === 'append') {
    const rest = take(trajectories.length);
    const fill = new Measurement('fill');
    for (let start = 0; start < rest.length && !stopRequested; start += 200) {
      await runCommands(rest.slice(start, start + 200), config.concurrency, append, fill);
    }
    fillNote = `${fill.count} more appends (${fill.opsPerSecond.toFixed(0)}/s)`;
  } else {
    const appended = await trajectoryCount(database);
    const copies = Math.max(0, Math.ceil(config.readTrajectories / appended) - 1);
    const added = await cloneTrajectories(database.dataSource, {
      copies,
      serialBase: 500,
      excludeTables: [BASELINE_TABLE],
    });
    fillNote = `${appended} appended trajectories copied ${copies}× in SQL (+${added})`;
  }
  await database.dataSource.query('VACUUM ANALYZE');
  log(`read volume: ${fillNote} in ${formatSeconds(performance.now() - filling)}; ${await volume(database)}`);

  const ids = (
    await database.dataSource.query<{ trajectory_id: string }[]>(
      'SELECT trajectory_id FROM trajectory_summaries ORDER BY trajectory_id',
    )
  ).map((row) => row.trajectory_id);
  return [...writeRows, ...(await readBenchmark(database, queries, ids, counsellors))];
}

async function readBenchmark(
  database: BenchDatabase,
  queries: TypeOrmTrajectoryQueries,
  trajectoryIds: string[],
  counsellors: string[],
): Promise<TableRow[]> {
  const random = seededRandom('reads');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const trajectoryId = () => pick(trajectoryIds);
  const dataSource = database.dataSource;

  const baseline = new Measurement('SELECT by primary key (baseline)');
  const primaryKeySelect = () =>
    dataSource.query('SELECT * FROM trajectory_summaries WHERE trajectory_id = $1', [trajectoryId()]);
  const reads: [Measurement, () => Promise<unknown>][] = [
    [new Measurement('findTrajectory by id'), () => queries.findTrajectory(trajectoryId())],
    [new Measurement('timeline of a trajectory'), () => queries.timeline(trajectoryId())],
    [
      new Measurement('listDeadlines state+agency+due range'),
      () => queries.listDeadlines(deadlineFilter(random)),
    ],
    [
      new Measurement('caseload of a counsellor'),
      () => queries.caseload({ counsellorId: pick(counsellors) }),
    ],
  ];

  for (let round = 0; round < config.warmupReads; round += 1) {
    for (const [, read] of reads) await Promise.all([primaryKeySelect(), read()]);
  }
  // Interleaved one by one: baseline, read, baseline, read, ...
  for (let round = 0; round < config.readQueries && !stopRequested; round += 1) {
    for (const [measurement, read] of reads) {
      await timed(baseline, primaryKeySelect, true);
      await timed(measurement, read, true);
    }
  }
  for (const measurement of [baseline, ...reads.map(([measurement]) => measurement)]) {
    measurement.wallMs = sum(measurement.samples, (sample) => sample);
  }
  return [{ measurement: baseline }, ...reads.map(([measurement]) => ({ measurement, baseline }))];
}

/** A caseworker's deadline lists: open ones due around today, missed or met ones in some past quarter. */
function deadlineFilter(random: () => number): DeadlineFilter {
  const agency = AGENCY_CODES[Math.floor(random() * AGENCY_CODES.length)];
  const state: DeadlineState = (['OPEN', 'OPEN', 'MISSED', 'MET'] as const)[Math.floor(random() * 4)];
  const dueFrom =
    state === 'OPEN'
      ? addDays(BENCH_TODAY, -14 - Math.floor(random() * 30))
      : addDays(BENCH_TODAY, -90 - Math.floor(random() * 1_000));
  return { state, agency, dueFrom, dueTo: addDays(dueFrom, 90) };
}

/** Each trajectory's commands in order, one call per command; `concurrency` trajectories at once. */
function runCommands(
  trajectories: WorkloadTrajectory[],
  concurrency: number,
  work: (request: AppendRequest) => Promise<unknown>,
  measurement?: Measurement,
): Promise<void> {
  return runConcurrently(
    trajectories,
    concurrency,
    async (trajectory) => {
      for (const request of trajectory.appends) await timed(measurement, () => work(request));
    },
    measurement,
  );
}

async function createBaselineTable({ dataSource }: BenchDatabase): Promise<void> {
  await dataSource.query(`
    CREATE TABLE ${BASELINE_TABLE} (
      position       bigserial   PRIMARY KEY,
      stream_id      text        NOT NULL,
      version        integer     NOT NULL,
      type           text        NOT NULL,
      schema_version integer     NOT NULL,
      data           jsonb       NOT NULL,
      metadata       jsonb       NOT NULL,
      occurred_at    timestamptz NOT NULL,
      recorded_at    timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, version)
    )`);
}

/** The same event rows the append writes, as one INSERT in a transaction of its own. */
async function insertBaseline(pool: Pool, request: AppendRequest): Promise<void> {
  const parameters: unknown[] = [];
  const rows = request.events.map((event, index) => {
    const first = parameters.length;
    parameters.push(
      request.streamId,
      request.expectedVersion + 1 + index,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(request.metadata),
      new Date(event.occurredAt),
    );
    return `(${Array.from({ length: 7 }, (_, column) => `$${first + column + 1}`).join(', ')})`;
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO ${BASELINE_TABLE} (stream_id, version, type, schema_version, data, metadata, occurred_at)
       VALUES ${rows.join(', ')}`,
      parameters,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function trajectoryCount({ dataSource }: BenchDatabase): Promise<number> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM trajectory_summaries',
  );
  return count;
}

async function volume({ dataSource }: BenchDatabase): Promise<string> {
  const tables = [
    'events',
    'trajectory_summaries',
    'deadlines',
    'violations',
    'pillars',
    'participation_activities',
    'outbox_messages',
  ];
  const counts = await Promise.all(
    tables.map(async (table) => {
      const [{ count }] = await dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM ${table}`,
      );
      return `${count} ${table}`;
    }),
  );
  return counts.join(', ');
}

/** Hands out consecutive, disjoint slices of `items`. */
function takeFrom<T>(items: readonly T[]): (count: number) => T[] {
  let next = 0;
  return (count) => {
    const slice = items.slice(next, next + count);
    next += slice.length;
    return slice;
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
