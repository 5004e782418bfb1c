import type { Pool } from 'pg';
import { addDays, AGENCY_CODES, Agency, isoWeekStart } from '../libs/domain/src';
import { DeadlineMonitoring, MonitoringGroup, rebuildReadModels } from '../libs/store/src';
import { cloneTrajectories } from './clone-trajectories';
import { growEventStore } from './grow-store';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { formatSeconds, log, Measurement, positiveInteger, renderTable, timed } from './measure';
import { BENCH_TODAY, seededRandom } from './trajectory-workload';

/**
 * Deadline monitoring (GET /monitoring/deadlines, /trend, /cases) at volume, against the raw SQL of the same query
 * in the same run, as bench/read-path.bench.ts does for the lists: the store is grown through the domain (and
 * copied in SQL up to the target), each agency gets five offices and every counsellor one of them, then every view
 * is timed through `DeadlineMonitoring` (what the controller calls, with a manager's scope: one agency) and as a
 * hand-written statement sent straight on the pool, alternating, with the same agency. HTTP and Nest add the same
 * fixed cost to every endpoint and are not measured here.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:monitoring
 *
 * Sizes: BENCH_OPEN_TRAJECTORIES (default 100,000), BENCH_GENERATED_TRAJECTORIES (default all; fewer are generated
 * through the domain and the rest copied), BENCH_MONITORING_QUERIES (per view, default 200); a kept database:
 * BENCH_READS_DATABASE_URL (shared with bench:reads).
 */
const OPEN_SHARE = 0.75;
const trajectories = Math.ceil(positiveInteger('BENCH_OPEN_TRAJECTORIES', 100_000) / OPEN_SHARE);
const config = {
  trajectories,
  generated: Math.min(trajectories, positiveInteger('BENCH_GENERATED_TRAJECTORIES', trajectories)),
  queries: positiveInteger('BENCH_MONITORING_QUERIES', 200),
  warmup: 10,
};
const OFFICES_PER_AGENCY = 5;
const AS_ON = BENCH_TODAY;

interface ViewCase {
  name: string;
  endpoint(monitoring: DeadlineMonitoring, agency: Agency): Promise<unknown>;
  raw(pool: Pool, agency: Agency): Promise<unknown>;
}

const RUNNING = `deadline.state IN ('OPEN', 'MET', 'MISSED')`;
const FULFILLED = `(deadline.fulfilled_on IS NOT NULL AND deadline.fulfilled_on <= $2::date)`;
const UNFULFILLED = `(deadline.fulfilled_on IS NULL OR deadline.fulfilled_on > $2::date)`;
const OFFICE_JOIN = `LEFT JOIN counsellor_offices member ON member.counsellor_id = deadline.counsellor_id
  LEFT JOIN offices office ON office.office_id = member.office_id AND office.agency = deadline.agency`;

/** The counts by hand: the five buckets as FILTER clauses, the agency as the manager's scope. */
function countsRaw(pool: Pool, agency: Agency, key: string, label: string, join = '') {
  return pool.query(
    `SELECT ${key} AS key, min(${label}) AS label,
            count(*) FILTER (WHERE ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on < $2::date)::int AS overdue,
            count(*) FILTER (WHERE ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on BETWEEN $2::date AND $3::date)::int
              AS due_within_7,
            count(*) FILTER (WHERE ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on BETWEEN $2::date AND $4::date)::int
              AS due_within_30,
            count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on > deadline.due_on)::int AS met_late,
            count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on <= deadline.due_on)::int AS met_on_time
       FROM deadlines deadline ${join}
      WHERE deadline.agency = $1
      GROUP BY ${key} ORDER BY ${key} NULLS LAST`,
    [agency, AS_ON, addDays(AS_ON, 7), addDays(AS_ON, 30)],
  );
}

const scopeOf = (agency: Agency) => ({ scope: { agencies: [agency] }, asOn: AS_ON });
const countsCase = (groupBy: MonitoringGroup, key: string, label: string, join = ''): ViewCase => ({
  name: `GET /monitoring/deadlines?groupBy=${groupBy}`,
  endpoint: (monitoring, agency) => monitoring.counts(scopeOf(agency), groupBy),
  raw: (pool, agency) => countsRaw(pool, agency, key, label, join),
});

const CASES: ViewCase[] = [
  countsCase('agency', 'deadline.agency', 'deadline.agency'),
  countsCase('office', 'office.office_id', 'office.name', OFFICE_JOIN),
  countsCase('counsellor', 'deadline.counsellor_id', 'deadline.counsellor_id'),
  countsCase('municipality', 'deadline.municipality', 'deadline.municipality'),
  {
    name: 'GET /monitoring/deadlines/trend?weeks=12',
    endpoint: (monitoring, agency) => monitoring.trend(scopeOf(agency), 12, undefined),
    raw: (pool, agency) =>
      pool.query(
        `SELECT date_trunc('week', deadline.due_on)::date AS week_start,
                count(*) FILTER (WHERE ${FULFILLED} OR ${RUNNING})::int AS falling_due,
                count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on <= deadline.due_on)::int AS met_on_time,
                count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on > deadline.due_on)::int AS met_late,
                count(*) FILTER (WHERE ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on < $2::date)::int AS missed,
                count(*) FILTER (WHERE ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on >= $2::date)::int AS pending
           FROM deadlines deadline
          WHERE deadline.agency = $1 AND deadline.due_on BETWEEN $3::date AND $4::date
          GROUP BY 1`,
        [agency, AS_ON, addDays(isoWeekStart(AS_ON), -77), addDays(isoWeekStart(AS_ON), 6)],
      ),
  },
  {
    name: 'GET /monitoring/deadlines/cases?bucket=overdue',
    endpoint: (monitoring, agency) => monitoring.cases(scopeOf(agency), 'overdue', { limit: 50, offset: 0 }),
    raw: async (pool, agency) => {
      const where = `deadline.agency = $1 AND ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on < $2::date`;
      const client = await pool.connect();
      try {
        const total = await client.query(
          `SELECT count(*)::int AS total FROM deadlines deadline WHERE ${where}`,
          [agency, AS_ON],
        );
        const rows = await client.query(
          `SELECT deadline.trajectory_id, deadline.deadline_id, deadline.kind, deadline.due_on, deadline.state,
                  deadline.fulfilled_on, deadline.agency, deadline.counsellor_id, office.office_id,
                  office.name AS office_name, deadline.municipality
             FROM deadlines deadline ${OFFICE_JOIN} WHERE ${where}
            ORDER BY deadline.due_on, deadline.trajectory_id, deadline.deadline_id LIMIT 50 OFFSET 0`,
          [agency, AS_ON],
        );
        return { total: total.rows, rows: rows.rows };
      } finally {
        client.release();
      }
    },
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
      log(
        `read models rebuilt from ${rebuilt.eventsReplayed} events in ${formatSeconds(performance.now() - started)}`,
      );
    }
    const open = await count(`SELECT count(*)::int AS n FROM trajectory_summaries WHERE status <> 'CLOSED'`);
    const target = Math.round(config.trajectories * OPEN_SHARE);
    if (open < target && (await count('SELECT count(*)::int AS n FROM trajectory_summaries')) <= 10_000) {
      const copies = Math.ceil(target / open) - 1;
      const added = await cloneTrajectories(dataSource, { copies, serialBase: 500 });
      log(
        `copied the ${open} open and their closed trajectories ${copies}× in SQL: ${added} trajectories added`,
      );
    }
    await placeCounsellorsInOffices(dataSource.query.bind(dataSource));
    await dataSource.query('VACUUM ANALYZE');
    const [volume] = await dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM trajectory_summaries WHERE status <> 'CLOSED')::int AS open_trajectories,
              (SELECT count(*) FROM deadlines)::int AS deadlines,
              (SELECT count(*) FROM counsellor_offices)::int AS counsellors,
              (SELECT count(*) FROM offices)::int AS offices`,
    );
    log(`volume: ${JSON.stringify(volume)}`);

    const monitoring = new DeadlineMonitoring(dataSource);
    const random = seededRandom('monitoring');
    const lines: string[][] = [];
    for (const view of CASES) {
      const endpoint = new Measurement(view.name);
      const raw = new Measurement(`${view.name} (raw SQL)`);
      for (let sample = -config.warmup; sample < config.queries; sample += 1) {
        const agency = AGENCY_CODES[Math.floor(random() * AGENCY_CODES.length)];
        const order = sample % 2 === 0 ? [true, false] : [false, true];
        for (const viaEndpoint of order) {
          const measurement = sample < 0 ? undefined : viaEndpoint ? endpoint : raw;
          await timed(measurement, () =>
            viaEndpoint ? view.endpoint(monitoring, agency) : view.raw(pool, agency),
          );
        }
      }
      const gap = endpoint.percentile(95) - raw.percentile(95);
      lines.push([
        view.name,
        endpoint.percentile(50).toFixed(2),
        endpoint.percentile(95).toFixed(2),
        raw.percentile(50).toFixed(2),
        raw.percentile(95).toFixed(2),
        gap.toFixed(2),
        endpoint.percentile(95) <= 30 && gap <= 5 ? 'yes' : 'NO',
      ]);
      log(
        `${view.name}: p95 ${endpoint.percentile(95).toFixed(2)} ms, raw ${raw.percentile(95).toFixed(2)} ms`,
      );
    }
    console.log(
      `\nDeadline monitoring at ${volume.open_trajectories} open trajectories, ${volume.deadlines} deadlines, ` +
        `${volume.events} events; one agency per sample (a manager's scope), ${config.queries} samples each\n\n` +
        renderTable(['view', 'p50 ms', 'p95 ms', 'raw p50', 'raw p95', 'p95 − raw', '≤30 ms, ≤5 ms'], lines),
    );
  } finally {
    await database.close();
  }
}

/** Five offices per agency; each counsellor in one office of the agency whose deadlines they hold most of. */
async function placeCounsellorsInOffices(query: (sql: string, parameters?: unknown[]) => Promise<unknown>) {
  for (const agency of AGENCY_CODES) {
    for (let index = 1; index <= OFFICES_PER_AGENCY; index += 1) {
      await query(
        `INSERT INTO offices (office_id, agency, name) VALUES ($1, $2, $3) ON CONFLICT (office_id) DO NOTHING`,
        [`${agency.toLowerCase().replace('_', '-')}-${index}`, agency, `Office ${index}`],
      );
    }
  }
  await query(
    `INSERT INTO counsellor_offices (counsellor_id, office_id)
     SELECT counsellor_id,
            lower(replace(agency, '_', '-')) || '-' || (1 + abs(hashtext(counsellor_id)) % ${OFFICES_PER_AGENCY})
       FROM (SELECT DISTINCT ON (counsellor_id) counsellor_id, agency
               FROM deadlines WHERE counsellor_id IS NOT NULL
              GROUP BY counsellor_id, agency ORDER BY counsellor_id, count(*) DESC) main
     ON CONFLICT (counsellor_id) DO NOTHING`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
