import type { Pool } from 'pg';
import { AGENCY_CODES, Agency, addDays } from '../libs/domain/src';
import { rebuildReadModels, TypeOrmTrajectoryQueries } from '../libs/store/src';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { cloneTrajectories } from './clone-trajectories';
import { growEventStore } from './grow-store';
import { formatSeconds, log, Measurement, positiveInteger, renderTable, timed } from './measure';
import {
  BENCH_TODAY,
  counsellorName,
  seededRandom,
  TRAJECTORIES_PER_COUNSELLOR,
} from './trajectory-workload';

/**
 * Every list endpoint's query at volume, against its raw SQL in the same run. The store is grown through the domain
 * (every command decided by `decide` and folded by `fold`, events inserted in bulk, read models written by the
 * rebuild), VACUUM ANALYZE'd as autovacuum would, then each list is timed through `TypeOrmTrajectoryQueries` (what
 * the controllers call) and as the raw statements it sends, sent straight on the pool, alternating, with the same
 * random filter values. HTTP and Nest add the same fixed cost to every endpoint and are not measured here.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reads
 *
 * Sizes: BENCH_OPEN_TRAJECTORIES (default 100,000), BENCH_READ_QUERIES (per list, default 200),
 * BENCH_GENERATED_TRAJECTORIES (default all): fewer are generated through the domain and the store is filled up
 * to the target by copying them in SQL under fresh ids and national numbers (clone-trajectories), which is quicker.
 * A quarter of the workload's trajectories reach the attest and close, so the store holds a third more persons than
 * open trajectories. A kept database (BENCH_READS_DATABASE_URL) is grown once and reused by the next runs.
 */
const OPEN_SHARE = 0.75;
const trajectories = Math.ceil(positiveInteger('BENCH_OPEN_TRAJECTORIES', 100_000) / OPEN_SHARE);
const config = {
  trajectories,
  /** Generated through the domain; the rest up to `trajectories` are SQL copies of them (see clone-trajectories). */
  generated: Math.min(trajectories, positiveInteger('BENCH_GENERATED_TRAJECTORIES', trajectories)),
  queries: positiveInteger('BENCH_READ_QUERIES', 200),
  warmup: 10,
};

const MUNICIPALITIES = ['Leuven', 'Brugge', 'Antwerpen', 'Gent', 'Hasselt'];
const PAGE = 50;

interface ListCase {
  name: string;
  /** Draws the filter values of one sample. */
  draw(random: () => number): Record<string, string>;
  endpoint(queries: TypeOrmTrajectoryQueries, filter: Record<string, string>): Promise<unknown>;
  raw(pool: Pool, filter: Record<string, string>): Promise<unknown>;
}

const CASELOAD_COLUMNS = `summary.trajectory_id, summary.given_name, summary.family_name, summary.status,
  summary.phase, summary.agency, summary.counsellor_id, summary.registered_on, summary.next_deadline_id,
  summary.next_deadline_kind, summary.next_deadline_due_on, summary.missed_deadlines, summary.open_violations`;
const CASELOAD_ORDER = `summary.attention_rank, summary.next_deadline_due_on ASC NULLS LAST, summary.registered_on,
  summary.trajectory_id`;

function caseloadRaw(pool: Pool, conditions: string[], values: string[]) {
  const where = [`summary.status <> 'CLOSED'`, ...conditions].join(' AND ');
  return countThenPage(
    pool,
    `SELECT count(*)::int AS total FROM trajectory_summaries summary WHERE ${where}`,
    `SELECT ${CASELOAD_COLUMNS} FROM trajectory_summaries summary WHERE ${where}
        ORDER BY ${CASELOAD_ORDER} LIMIT ${PAGE} OFFSET 0`,
    values,
  );
}

function violationsRaw(pool: Pool, conditions: string[], values: string[]) {
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return countThenPage(
    pool,
    `SELECT count(*)::int AS total FROM violations violation ${where}`,
    `SELECT violation.*, summary.national_number, summary.given_name, summary.family_name, summary.status
         FROM violations violation
         JOIN trajectory_summaries summary ON summary.trajectory_id = violation.trajectory_id
         ${where} ORDER BY violation.opened_at, violation.violation_id LIMIT ${PAGE} OFFSET 0`,
    values,
  );
}

function deadlinesRaw(pool: Pool, conditions: string[], values: string[]) {
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return countThenPage(
    pool,
    `SELECT count(*)::int AS total FROM deadlines deadline ${where}`,
    `SELECT * FROM deadlines deadline ${where}
        ORDER BY deadline.due_on, deadline.deadline_id, deadline.trajectory_id LIMIT ${PAGE} OFFSET 0`,
    values,
  );
}

/** The count, then the page, on one connection: as the query functions send them. */
async function countThenPage(pool: Pool, count: string, page: string, values: string[]): Promise<unknown> {
  const client = await pool.connect();
  try {
    const total = await client.query(count, values);
    const rows = await client.query(page, values);
    return { total: total.rows, rows: rows.rows };
  } finally {
    client.release();
  }
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)];
const counsellor = (random: () => number) =>
  counsellorName(Math.floor(random() * Math.ceil(config.trajectories / TRAJECTORIES_PER_COUNSELLOR)));

const CASES: ListCase[] = [
  {
    name: 'GET /caseload?agency=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES) }),
    endpoint: (queries, { agency }) => queries.caseload({ agency: agency as Agency }),
    raw: (pool, { agency }) => caseloadRaw(pool, ['summary.agency = $1'], [agency]),
  },
  {
    name: 'GET /caseload?counsellorId=',
    draw: (random) => ({ counsellorId: counsellor(random) }),
    endpoint: (queries, { counsellorId }) => queries.caseload({ counsellorId }),
    raw: (pool, { counsellorId }) => caseloadRaw(pool, ['summary.counsellor_id = $1'], [counsellorId]),
  },
  {
    name: 'GET /caseload?agency=&counsellorId=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES), counsellorId: counsellor(random) }),
    endpoint: (queries, { agency, counsellorId }) =>
      queries.caseload({ agency: agency as Agency, counsellorId }),
    raw: (pool, { agency, counsellorId }) =>
      caseloadRaw(pool, ['summary.counsellor_id = $1', 'summary.agency = $2'], [counsellorId, agency]),
  },
  {
    name: 'GET /violations?state=OPEN',
    draw: () => ({}),
    endpoint: (queries) => queries.listViolations({ state: 'OPEN' }),
    raw: (pool) => violationsRaw(pool, [`violation.state = 'OPEN'`], []),
  },
  {
    name: 'GET /violations?state=OPEN&agency=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES) }),
    endpoint: (queries, { agency }) => queries.listViolations({ state: 'OPEN', agency: agency as Agency }),
    raw: (pool, { agency }) =>
      violationsRaw(pool, [`violation.state = 'OPEN'`, 'violation.agency = $1'], [agency]),
  },
  {
    name: 'GET /violations',
    draw: () => ({}),
    endpoint: (queries) => queries.listViolations({}),
    raw: (pool) => violationsRaw(pool, [], []),
  },
  {
    name: 'GET /deadlines?state=OPEN&agency=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES) }),
    endpoint: (queries, { agency }) => queries.listDeadlines({ state: 'OPEN', agency: agency as Agency }),
    raw: (pool, { agency }) =>
      deadlinesRaw(pool, [`deadline.state = 'OPEN'`, 'deadline.agency = $1'], [agency]),
  },
  {
    name: 'GET /deadlines?state=MISSED',
    draw: () => ({}),
    endpoint: (queries) => queries.listDeadlines({ state: 'MISSED' }),
    raw: (pool) => deadlinesRaw(pool, [`deadline.state = 'MISSED'`], []),
  },
  {
    name: 'GET /deadlines?counsellorId=',
    draw: (random) => ({ counsellorId: counsellor(random) }),
    endpoint: (queries, { counsellorId }) => queries.listDeadlines({ counsellorId }),
    raw: (pool, { counsellorId }) => deadlinesRaw(pool, ['deadline.counsellor_id = $1'], [counsellorId]),
  },
  {
    name: 'GET /deadlines?municipality=&dueFrom=&dueTo=',
    draw: (random) => {
      const dueFrom = addDays(BENCH_TODAY, -Math.floor(random() * 300));
      return { municipality: pick(random, MUNICIPALITIES), dueFrom, dueTo: addDays(dueFrom, 30) };
    },
    endpoint: (queries, filter) => queries.listDeadlines(filter),
    raw: (pool, { municipality, dueFrom, dueTo }) =>
      deadlinesRaw(
        pool,
        ['deadline.municipality = $1', 'deadline.due_on >= $2', 'deadline.due_on <= $3'],
        [municipality, dueFrom, dueTo],
      ),
  },
  {
    name: 'GET /participation-hours?municipality=',
    draw: (random) => ({ municipality: pick(random, MUNICIPALITIES) }),
    endpoint: (queries, { municipality }) => queries.participationHours({ municipality }),
    raw: (pool, { municipality }) =>
      pool.query(
        `SELECT activity.municipality, activity.kind, sum(activity.hours)::text AS hours, count(*)::int AS activities,
                count(DISTINCT activity.trajectory_id)::int AS trajectories
           FROM participation_activities activity WHERE activity.municipality = $1
          GROUP BY activity.municipality, activity.kind ORDER BY activity.municipality, activity.kind`,
        [municipality],
      ),
  },
];

async function main(): Promise<void> {
  const database = await openKeptOrThrowawayDatabase('BENCH_READS_DATABASE_URL');
  try {
    const { dataSource, pool } = database;
    const count = async (sql: string) => (await dataSource.query<{ n: number }[]>(sql))[0].n;
    if ((await count('SELECT count(*)::int AS n FROM events')) === 0) {
      log(`${database.origin}; growing ${config.generated} trajectories`);
      const grown = await growEventStore(dataSource, 'reads', config.generated);
      log(
        `${grown.events} events: decided in ${formatSeconds(grown.decideMs)}, inserted in ${formatSeconds(grown.insertMs)}`,
      );
    } else log(`${database.origin}: reusing its events`);
    if ((await count('SELECT count(*)::int AS n FROM trajectory_summaries')) === 0) {
      const started = performance.now();
      const rebuilt = await rebuildReadModels(dataSource);
      const rebuildMs = performance.now() - started;
      log(
        `read models rebuilt from ${rebuilt.eventsReplayed} events in ${formatSeconds(rebuildMs)} ` +
          `(${((rebuilt.eventsReplayed * 1000) / rebuildMs).toFixed(0)} events/s)`,
      );
    }
    const open = await count(`SELECT count(*)::int AS n FROM trajectory_summaries WHERE status <> 'CLOSED'`);
    const target = Math.round(config.trajectories * OPEN_SHARE);
    // clone-trajectories keeps national numbers unique only for stores of up to 10,000 generated trajectories.
    if (open < target && (await count('SELECT count(*)::int AS n FROM trajectory_summaries')) > 10_000) {
      log(`${open} open trajectories, fewer than ${target}: generate more through the domain to reach it`);
    } else if (open < target) {
      const copies = Math.ceil(target / open) - 1;
      const added = await cloneTrajectories(dataSource, copies, []);
      log(
        `copied the ${open} open and their closed trajectories ${copies}× in SQL: ${added} trajectories added`,
      );
    }
    await dataSource.query('VACUUM ANALYZE');
    const [volume] = await dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM trajectory_summaries WHERE status <> 'CLOSED')::int AS open_trajectories,
              (SELECT count(DISTINCT national_number) FROM trajectory_summaries)::int AS persons,
              (SELECT count(*) FROM deadlines)::int AS deadlines,
              (SELECT count(*) FROM violations)::int AS violations,
              (SELECT count(*) FROM violations WHERE state = 'OPEN')::int AS open_violations,
              (SELECT count(*) FROM participation_activities)::int AS activities`,
    );
    log(`volume: ${JSON.stringify(volume)}`);

    const queries = new TypeOrmTrajectoryQueries(dataSource);
    const random = seededRandom('read-path');
    const lines: string[][] = [];
    for (const list of CASES) {
      const endpoint = new Measurement(list.name);
      const raw = new Measurement(`${list.name} (raw SQL)`);
      for (let sample = -config.warmup; sample < config.queries; sample += 1) {
        const filter = list.draw(random);
        const order = sample % 2 === 0 ? [true, false] : [false, true];
        for (const viaEndpoint of order) {
          const measurement = sample < 0 ? undefined : viaEndpoint ? endpoint : raw;
          await timed(measurement, () =>
            viaEndpoint ? list.endpoint(queries, filter) : list.raw(pool, filter),
          );
        }
      }
      const gap = endpoint.percentile(95) - raw.percentile(95);
      lines.push([
        list.name,
        endpoint.percentile(50).toFixed(2),
        endpoint.percentile(95).toFixed(2),
        raw.percentile(50).toFixed(2),
        raw.percentile(95).toFixed(2),
        gap.toFixed(2),
        endpoint.percentile(95) <= 30 && gap <= 5 ? 'yes' : 'NO',
      ]);
      log(
        `${list.name}: p95 ${endpoint.percentile(95).toFixed(2)} ms, raw ${raw.percentile(95).toFixed(2)} ms`,
      );
    }
    console.log(
      `\nList endpoints at ${volume.open_trajectories} open trajectories, ${volume.persons} persons, ` +
        `${volume.events} events; ${config.queries} samples each, page ${PAGE}\n\n` +
        renderTable(['list', 'p50 ms', 'p95 ms', 'raw p50', 'raw p95', 'p95 − raw', '≤30 ms, ≤5 ms'], lines),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
