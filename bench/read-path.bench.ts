import type { Pool } from 'pg';
import {
  AGENCY_CODES,
  Agency,
  addDays,
  ATTENTION_GROUPS,
  AttentionGroup,
  CASELOAD_DUE_SOON_DAYS,
} from '../libs/domain/src';
import { DEFAULT_SIMULATION } from '../libs/domain/src/simulation';
import { TypeOrmTrajectoryQueries } from '../libs/store/src';
import { CASELOAD_CSV_COLUMNS } from '../apps/api/src/caseload/views/caseload.view';
import { csvHeader, csvLines, toCsv } from '../apps/api/src/http/csv';
import { participationHoursPeriodQuery } from '../libs/store/src/queries/participation-hours-period';
import { attentionRank, attentionSlices } from '../libs/store/src/queries/caseload-attention';
import { nameSearchSql } from '../libs/store/src/queries/trajectory-queries';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { formatSeconds, log, Measurement, positiveInteger, renderTable, timed } from './measure';
import { growSimulatedStore } from './simulated-store';
import { seededRandom } from './trajectory-workload';

/**
 * Every list endpoint's query at volume, against its raw SQL in the same run. The dataset is the simulated year
 * (libs/domain/src/simulation): newcomers of several intake years generated through the domain (every command
 * decided by `decide` and folded by `evolve`, the deadline timers in between), events inserted in bulk and read models
 * rebuilt, then copied in SQL under fresh ids and national numbers up to the target size (simulated-store), and
 * VACUUM ANALYZE'd as autovacuum would. Each list is timed through `TypeOrmTrajectoryQueries` (what the controllers
 * call) and as the raw statements it sends, sent straight on the pool, alternating, with the same random filter
 * values. HTTP and Nest add the same fixed cost to every endpoint and are not measured here.
 *
 *   BENCH_READS_DATABASE_URL=postgres://postgres@127.0.0.1:5432/reads npm run bench:reads
 *
 * Sizes: BENCH_OPEN_TRAJECTORIES (default 100,000), BENCH_PERSONS (default 1,000,000: the rest are closed),
 * BENCH_GENERATED_PER_COHORT (newcomers generated through the domain per intake year 2019-2024, default 1,000),
 * BENCH_READ_QUERIES (per list, default 200), BENCH_EXPORT_QUERIES (per agency's whole caseload, default 20). A
 * kept database (BENCH_READS_DATABASE_URL) is grown once and reused by the next runs; an interrupted growth
 * continues where it stopped.
 */
const config = {
  open: positiveInteger('BENCH_OPEN_TRAJECTORIES', 100_000),
  persons: positiveInteger('BENCH_PERSONS', 1_000_000),
  perCohort: positiveInteger('BENCH_GENERATED_PER_COHORT', 1_000),
  cohorts: [2019, 2020, 2021, 2022, 2023, 2024],
  queries: positiveInteger('BENCH_READ_QUERIES', 200),
  /** Samples of each agency's whole caseload (tens of thousands of rows each). */
  exports: positiveInteger('BENCH_EXPORT_QUERIES', 20),
  warmup: 10,
};
/** The simulated store's today: the end of the followed period. */
const TODAY = DEFAULT_SIMULATION.followUntil;
/** Filter values drawn from the store (counsellors, municipalities), read once it is grown. */
const values = {
  counsellors: [] as string[],
  municipalities: [] as string[],
  people: [] as { national_number: string; given_name: string; family_name: string }[],
};

/**
 * What a caseworker types, drawn from persons in the store: a national number (with its separators), a whole
 * family name, its first four letters, "given family", "family given" with the family name cut, a given name alone
 * (a common one matches some ten thousand persons) and two letters (tens of thousands): the last two are the texts
 * a search must stay bounded for.
 */
function searchText(random: () => number): string {
  const person = pick(random, values.people);
  const family = person.family_name;
  const number = person.national_number;
  const texts = [
    `${number.slice(0, 2)}.${number.slice(2, 4)}.${number.slice(4, 6)}-${number.slice(6, 9)}.${number.slice(9)}`,
    family.toLowerCase(),
    family.slice(0, 4).toLowerCase(),
    `${person.given_name} ${family}`,
    `${family} ${person.given_name.slice(0, 2)}`,
    person.given_name,
    family.slice(0, 2),
  ];
  return pick(random, texts);
}

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
/** The columns of the caseload's order, all in its indexes. */
const ORDER_COLUMNS = `summary.trajectory_id, summary.next_deadline_due_on, summary.registered_on`;

/** The caseload's slices of the attention groups asked for (all by default), on the store's day. */
function caseloadSlicesRaw(attention?: AttentionGroup) {
  return (attention ? [attention] : ATTENTION_GROUPS).flatMap((group) =>
    attentionSlices(
      group,
      () => `'${TODAY}'::date`,
      () => `'${addDays(TODAY, CASELOAD_DUE_SOON_DAYS)}'::date`,
    ).map((slice) => ({ group, slice })),
  );
}

/** The union of the slices, each read at most `reach` rows, in the caseload's order. */
function caseloadUnionRaw(
  where: string,
  slices: ReturnType<typeof caseloadSlicesRaw>,
  reach: number | 'ALL',
  columns = CASELOAD_COLUMNS,
): string {
  return `SELECT * FROM (${slices
    .map(
      ({ group, slice }) =>
        `(SELECT ${columns}, ${attentionRank(group)} AS attention_group_rank
            FROM trajectory_summaries summary WHERE ${where} AND ${slice}
           ORDER BY summary.next_deadline_due_on, summary.registered_on, summary.trajectory_id LIMIT ${reach})`,
    )
    .join(' UNION ALL ')}) page
    ORDER BY attention_group_rank, next_deadline_due_on ASC NULLS LAST, registered_on, trajectory_id`;
}

/**
 * The caseload's page as the endpoint reads it: each attention group's slices (ranges of a caseload index, on the
 * store's day) read on the order's columns alone (index-only) as far as the page reaches, the page's place found in
 * their union in the groups' order, then only the page's rows read. With a group, that group's slices only, and the
 * total counted over them.
 */
function caseloadRaw(
  pool: Pool,
  conditions: string[],
  values: string[],
  attention?: AttentionGroup,
  offset = 0,
) {
  const where = [`summary.status <> 'CLOSED'`, ...conditions].join(' AND ');
  const slices = caseloadSlicesRaw(attention);
  const count = attention
    ? `SELECT (${slices
        .map(({ slice }) => `(SELECT count(*) FROM trajectory_summaries summary WHERE ${where} AND ${slice})`)
        .join(' + ')})::int AS total`
    : countedSql('caseload_counts', conditions, 'summary');
  return countThenPage(
    pool,
    count,
    `SELECT ${CASELOAD_COLUMNS}, page.attention_group_rank
       FROM (${caseloadUnionRaw(where, slices, offset + PAGE, ORDER_COLUMNS)} LIMIT ${PAGE} OFFSET ${offset}) page
       JOIN trajectory_summaries summary ON summary.trajectory_id = page.trajectory_id
      ORDER BY page.attention_group_rank, page.next_deadline_due_on ASC NULLS LAST, page.registered_on, page.trajectory_id`,
    values,
  );
}

/** An agency's whole caseload in one statement, every column of every row at once. */
function wholeCaseloadRaw(pool: Pool, agency: string) {
  const where = `summary.status <> 'CLOSED' AND summary.agency = $1`;
  return pool.query(caseloadUnionRaw(where, caseloadSlicesRaw(), 'ALL'), [agency]);
}

function violationsRaw(pool: Pool, conditions: string[], values: string[]) {
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return countThenPage(
    pool,
    countedSql('violation_counts', conditions, 'violation'),
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
    conditions.some((condition) => condition.includes('due_on'))
      ? `SELECT count(*)::int AS total FROM deadlines deadline ${where}`
      : countedSql('deadline_counts', conditions, 'deadline'),
    `SELECT * FROM deadlines deadline ${where}
        ORDER BY deadline.due_on, deadline.deadline_id, deadline.trajectory_id LIMIT ${PAGE} OFFSET 0`,
    values,
  );
}

/** The list's total from its counts table (libs/store/src/queries/list-counts.ts), as the endpoint reads it. */
function countedSql(counts: string, conditions: string[], alias: string): string {
  const where = ['true', ...conditions.map((condition) => condition.replace(`${alias}.`, 'counted.'))];
  return `SELECT coalesce(sum(counted.n), 0)::int AS total FROM ${counts} counted WHERE ${where.join(' AND ')}`;
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
const counsellor = (random: () => number) => pick(random, values.counsellors);
const municipality = (random: () => number) => pick(random, values.municipalities);

const CASES: ListCase[] = [
  {
    name: 'GET /caseload?agency=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES) }),
    endpoint: (queries, { agency }) => queries.caseload({ agency: agency as Agency, today: TODAY }),
    raw: (pool, { agency }) => caseloadRaw(pool, ['summary.agency = $1'], [agency]),
  },
  {
    name: 'GET /caseload?agency=&attention=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES), attention: pick(random, ATTENTION_GROUPS) }),
    endpoint: (queries, { agency, attention }) =>
      queries.caseload({ agency: agency as Agency, attention: attention as AttentionGroup, today: TODAY }),
    raw: (pool, { agency, attention }) =>
      caseloadRaw(pool, ['summary.agency = $1'], [agency], attention as AttentionGroup),
  },
  {
    // A page deep in an agency's caseload: each slice is read as far as the page reaches.
    name: 'GET /caseload?agency=&offset= (0-5,000)',
    draw: (random) => ({
      agency: pick(random, AGENCY_CODES),
      offset: String(Math.floor(random() * 100) * PAGE),
    }),
    endpoint: (queries, { agency, offset }) =>
      queries.caseload({ agency: agency as Agency, offset: Number(offset), today: TODAY }),
    raw: (pool, { agency, offset }) =>
      caseloadRaw(pool, ['summary.agency = $1'], [agency], undefined, Number(offset)),
  },
  {
    name: 'GET /caseload?counsellorId=',
    draw: (random) => ({ counsellorId: counsellor(random) }),
    endpoint: (queries, { counsellorId }) => queries.caseload({ counsellorId, today: TODAY }),
    raw: (pool, { counsellorId }) => caseloadRaw(pool, ['summary.counsellor_id = $1'], [counsellorId]),
  },
  {
    name: 'GET /caseload?agency=&counsellorId=',
    draw: (random) => ({ agency: pick(random, AGENCY_CODES), counsellorId: counsellor(random) }),
    endpoint: (queries, { agency, counsellorId }) =>
      queries.caseload({ agency: agency as Agency, counsellorId, today: TODAY }),
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
      const dueFrom = addDays(TODAY, -Math.floor(random() * 700));
      return { municipality: municipality(random), dueFrom, dueTo: addDays(dueFrom, 30) };
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
    name: 'GET /caseload/search?text=',
    draw: (random) => ({ text: searchText(random) }),
    endpoint: (queries, { text }) => queries.searchTrajectories({ text }),
    raw: (pool, { text }) =>
      text.replace(/[^0-9]/g, '').length === 11
        ? pool.query(
            `SELECT ${CASELOAD_COLUMNS} FROM trajectory_summaries summary
              WHERE true AND summary.national_number = $1
              ORDER BY summary.status = 'CLOSED', summary.family_name, summary.given_name, summary.trajectory_id
              LIMIT 20`,
            [text.replace(/[^0-9]/g, '')],
          )
        : pool.query(nameSearchSql('true', '$1', '$2'), [text, 20]),
  },
  {
    name: 'GET /participation-hours?municipality=',
    draw: (random) => ({ municipality: municipality(random) }),
    endpoint: (queries, { municipality }) => queries.participationHours({ municipality }),
    raw: (pool, { municipality }) =>
      pool.query(
        `SELECT total.municipality, total.kind, sum(total.hours)::text AS hours,
                sum(total.activities)::int AS activities, sum(total.trajectories)::int AS trajectories
           FROM participation_hour_totals total WHERE total.municipality = $1
          GROUP BY total.municipality, total.kind HAVING sum(total.trajectories) > 0
          ORDER BY total.municipality, total.kind`,
        [municipality],
      ),
  },
  {
    name: 'GET /participation-hours?municipality=&from=&to=',
    draw: (random) => {
      const from = addDays(TODAY, -90 - Math.floor(random() * 600));
      return { municipality: municipality(random), from, to: addDays(from, 90) };
    },
    endpoint: (queries, filter) => queries.participationHours(filter),
    raw: (pool, { municipality, from, to }) => {
      // Whole months from participation_hour_months, the edge days from participation_hour_days.
      const { sql, parameters } = participationHoursPeriodQuery({ municipality, from, to })!;
      return pool.query(sql, parameters);
    },
  },
  {
    // What the endpoint sent before participation_hour_months (issue 7 §3): the period's activities summed. Not an
    // endpoint any more; timed here for the ratio in the same run.
    name: 'before: the period summed from the activities',
    draw: (random) => {
      const from = addDays(TODAY, -90 - Math.floor(random() * 600));
      return { municipality: municipality(random), from, to: addDays(from, 90) };
    },
    endpoint: (_queries, { municipality, from, to }) => sumActivities(pool(), municipality, from, to),
    raw: (pool, { municipality, from, to }) => sumActivities(pool, municipality, from, to),
  },
];

/** The pool of the store being measured (for the line that times a statement no endpoint sends). */
let measuredPool: Pool | undefined;
const pool = (): Pool => measuredPool!;

function sumActivities(pool: Pool, municipality: string, from: string, to: string) {
  return pool.query(
    `SELECT activity.municipality, activity.kind, sum(activity.hours)::text AS hours, count(*)::int AS activities,
            count(DISTINCT activity.trajectory_id)::int AS trajectories
       FROM participation_activities activity
       JOIN trajectory_summaries summary ON summary.trajectory_id = activity.trajectory_id
      WHERE true AND activity.municipality = $1 AND activity.ended_on >= $2 AND activity.ended_on <= $3
      GROUP BY activity.municipality, activity.kind ORDER BY activity.municipality, activity.kind`,
    [municipality, from, to],
  );
}

/**
 * Each agency's whole caseload as GET /caseload/export reads and writes it (readWholeCaseload: the order in one
 * snapshot, then the rows 2,000 at a time, each chunk made CSV), against its raw SQL read in one statement and made
 * CSV at once, alternating. The largest chunk is what the API holds at a time besides the order; the whole answer is
 * what one statement and one string would hold.
 */
async function measureWholeCaseloads(
  queries: TypeOrmTrajectoryQueries,
  pool: Pool,
  random: () => number,
): Promise<string[][]> {
  const lines: string[][] = [];
  for (const agency of AGENCY_CODES) {
    const endpoint = new Measurement(`whole caseload ${agency}`);
    const raw = new Measurement(`whole caseload ${agency} (raw SQL)`);
    let cases = 0;
    let answerBytes = 0;
    let largestChunkBytes = 0;
    for (let sample = -2; sample < config.exports; sample += 1) {
      const order = random() < 0.5 ? [true, false] : [false, true];
      for (const viaEndpoint of order) {
        const measurement = sample < 0 ? undefined : viaEndpoint ? endpoint : raw;
        await timed(measurement, async () => {
          if (!viaEndpoint) {
            const { rows } = await wholeCaseloadRaw(pool, agency);
            return toCsv<Record<string, unknown>>(RAW_CSV_COLUMNS, rows as Record<string, unknown>[]);
          }
          answerBytes = Buffer.byteLength(csvHeader(CASELOAD_CSV_COLUMNS));
          cases = await queries.readWholeCaseload(
            { agency, today: TODAY },
            {
              trajectories: async () => undefined,
              rows: async (entries) => {
                const bytes = Buffer.byteLength(csvLines(CASELOAD_CSV_COLUMNS, entries));
                answerBytes += bytes;
                largestChunkBytes = Math.max(largestChunkBytes, bytes);
              },
            },
          );
        });
      }
    }
    lines.push([
      agency,
      String(cases),
      endpoint.percentile(50).toFixed(1),
      endpoint.percentile(95).toFixed(1),
      raw.percentile(50).toFixed(1),
      raw.percentile(95).toFixed(1),
      (endpoint.percentile(95) / raw.percentile(95)).toFixed(2),
      (answerBytes / 1e6).toFixed(1),
      (largestChunkBytes / 1e6).toFixed(2),
    ]);
    log(`whole caseload of ${agency}: ${cases} cases, p50 ${endpoint.percentile(50).toFixed(1)} ms`);
  }
  return lines;
}

/** The raw statement's columns for its CSV: the export's, as the statement names them. */
const RAW_CSV_COLUMNS = [
  'trajectory_id',
  'given_name',
  'family_name',
  'status',
  'phase',
  'agency',
  'counsellor_id',
  'registered_on',
  'next_deadline_kind',
  'next_deadline_due_on',
  'missed_deadlines',
  'open_violations',
  'attention_group_rank',
];

async function main(): Promise<void> {
  const database = await openKeptOrThrowawayDatabase('BENCH_READS_DATABASE_URL');
  try {
    const { dataSource, pool } = database;
    measuredPool = pool;
    const started = performance.now();
    await growSimulatedStore(dataSource, config);
    log(`${database.origin}: grown in ${formatSeconds(performance.now() - started)}`);
    values.counsellors = (
      await dataSource.query<{ id: string }[]>(
        'SELECT DISTINCT counsellor_id AS id FROM trajectory_summaries',
      )
    ).map((row) => row.id);
    values.municipalities = (
      await dataSource.query<{ name: string }[]>(
        'SELECT DISTINCT municipality AS name FROM participation_activities ORDER BY 1',
      )
    ).map((row) => row.name);
    values.people = await dataSource.query(
      `SELECT national_number, given_name, family_name FROM trajectory_summaries ORDER BY md5(trajectory_id) LIMIT 500`,
    );
    // The tables the lists read (the events, most of the store, are not read by any list).
    await dataSource.query(
      `VACUUM ANALYZE trajectory_summaries, deadlines, violations, pillars, participation_activities,
                      participation_hour_sums, participation_hour_totals, participation_hour_days,
                      participation_hour_months`,
    );
    const [volume] = await dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM trajectory_summaries WHERE status <> 'CLOSED')::int AS open_trajectories,
              (SELECT count(DISTINCT national_number) FROM trajectory_summaries)::int AS persons,
              (SELECT count(*) FROM deadlines)::int AS deadlines,
              (SELECT count(*) FROM violations)::int AS violations,
              (SELECT count(*) FROM violations WHERE state = 'OPEN')::int AS open_violations,
              (SELECT count(*) FROM participation_activities)::int AS activities,
              (SELECT count(*) FROM participation_hour_sums)::int AS participation_hour_sums,
              pg_size_pretty(pg_database_size(current_database())) AS database_size`,
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
    const exportLines = await measureWholeCaseloads(queries, pool, random);
    console.log(
      `\nList endpoints at ${volume.open_trajectories} open trajectories, ${volume.persons} persons, ` +
        `${volume.events} events; ${config.queries} samples each, page ${PAGE}\n\n` +
        renderTable(['list', 'p50 ms', 'p95 ms', 'raw p50', 'raw p95', 'p95 − raw', '≤30 ms, ≤5 ms'], lines),
    );
    console.log(
      `\nAn agency's whole caseload in one answer (GET /caseload/export, CSV), however large; ${config.exports} ` +
        'samples each, against one raw statement made CSV at once\n\n' +
        renderTable(
          [
            'caseload',
            'cases',
            'p50 ms',
            'p95 ms',
            'raw p50',
            'raw p95',
            'p95 ÷ raw',
            'answer MB',
            'largest chunk MB',
          ],
          exportLines,
        ),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
