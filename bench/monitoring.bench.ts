import type { Pool } from 'pg';
import { addDays, AGENCY_CODES, Agency, isoWeekStart } from '../libs/domain/src';
import { DeadlineMonitoring, MonitoringGroup, rebuildReadModels, rebuildSums } from '../libs/store/src';
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
  /** The statement the view ran before (counts: over every deadline row; the drill-down: count, then page). */
  before?(pool: Pool, agency: Agency): Promise<unknown>;
}

const RUNNING = `deadline.state IN ('OPEN', 'MET', 'MISSED')`;
const FULFILLED = `(deadline.fulfilled_on IS NOT NULL AND deadline.fulfilled_on <= $2::date)`;
const UNFULFILLED = `(deadline.fulfilled_on IS NULL OR deadline.fulfilled_on > $2::date)`;
const OFFICE_JOIN = `LEFT JOIN counsellor_offices member ON member.counsellor_id = deadline.counsellor_id
  LEFT JOIN offices office ON office.office_id = member.office_id AND office.agency = deadline.agency`;

/** The counts over every deadline row by hand (the query before the sums): the five buckets as FILTER clauses. */
function countsOfRowsRaw(pool: Pool, agency: Agency, key: string, label: string, join = '') {
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

/**
 * The counts as the endpoint now computes them, by hand: the sums per standing (per municipality or counsellor),
 * and for the deadlines fulfilled after asOn, missed and due on or after asOn, or running and due from the month of
 * asOn to asOn + 30 days (one index range each), their buckets minus what their standing counted ($5: the first day
 * of the month of asOn).
 */
function countsRaw(pool: Pool, agency: Agency, key: string, label: string, join = '') {
  const sums = key.includes('municipality') || key.includes('agency') ? 'municipality' : 'counsellor';
  const pending = `${UNFULFILLED} AND ${RUNNING}`;
  return pool.query(
    `SELECT key, min(label) AS label, sum(overdue)::int AS overdue, sum(due_within_7)::int AS due_within_7,
            sum(due_within_30)::int AS due_within_30, sum(met_late)::int AS met_late,
            sum(met_on_time)::int AS met_on_time
       FROM (SELECT ${key} AS key, min(${label}) AS label,
                    sum(deadline.missed_unfulfilled
                        + CASE WHEN deadline.due_month < $5::date THEN deadline.running_unfulfilled ELSE 0 END) AS overdue,
                    0 AS due_within_7, 0 AS due_within_30,
                    sum(deadline.fulfilled_late) AS met_late, sum(deadline.fulfilled_on_time) AS met_on_time
               FROM (SELECT * FROM deadline_counts_by_${sums} deadline WHERE deadline.due_month IS NULL
                     UNION ALL
                     SELECT * FROM deadline_counts_by_${sums} deadline WHERE deadline.due_month < $5::date
                    ) deadline ${join}
              WHERE deadline.agency = $1
              GROUP BY 1
             UNION ALL
             SELECT ${key} AS key, min(${label}) AS label,
                    count(*) FILTER (WHERE ${pending} AND deadline.due_on < $2::date)
                      - count(*) FILTER (WHERE deadline.fulfilled_on IS NULL
                                           AND (deadline.state = 'MISSED' OR deadline.due_on < $5::date)),
                    count(*) FILTER (WHERE ${pending} AND deadline.due_on BETWEEN $2::date AND $3::date),
                    count(*) FILTER (WHERE ${pending} AND deadline.due_on BETWEEN $2::date AND $4::date),
                    count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on > deadline.due_on)
                      - count(*) FILTER (WHERE deadline.fulfilled_on > deadline.due_on),
                    count(*) FILTER (WHERE ${FULFILLED} AND deadline.fulfilled_on <= deadline.due_on)
                      - count(*) FILTER (WHERE deadline.fulfilled_on <= deadline.due_on)
               FROM (SELECT ${COLUMNS} FROM deadlines deadline WHERE deadline.fulfilled_on > $2::date
                     UNION ALL
                     SELECT ${COLUMNS} FROM deadlines deadline
                      WHERE deadline.fulfilled_on IS NULL AND deadline.state <> 'MISSED'
                        AND deadline.due_on BETWEEN $5::date AND $4::date
                     UNION ALL
                     SELECT agency, due_on, kind, 'MISSED'::text, NULL::date, counsellor_id, municipality
                       FROM deadlines deadline
                      WHERE deadline.fulfilled_on IS NULL AND deadline.state = 'MISSED' AND deadline.due_on >= $2::date
                    ) deadline ${join}
              WHERE deadline.agency = $1
              GROUP BY 1) counted
      GROUP BY key ORDER BY key NULLS LAST`,
    [agency, AS_ON, addDays(AS_ON, 7), addDays(AS_ON, 30), `${AS_ON.slice(0, 7)}-01`],
  );
}

const CASE_COLUMNS = `deadline.trajectory_id, deadline.deadline_id, deadline.kind, deadline.due_on, deadline.state,
  deadline.fulfilled_on, deadline.agency, deadline.counsellor_id, office.office_id, office.name AS office_name,
  deadline.municipality`;
const CASE_ORDER = 'ORDER BY deadline.due_on, deadline.trajectory_id, deadline.deadline_id';
const COLUMNS = 'agency, due_on, kind, state, fulfilled_on, counsellor_id, municipality';
const scopeOf = (agency: Agency) => ({ scope: { agencies: [agency] }, asOn: AS_ON });
const countsCase = (groupBy: MonitoringGroup, key: string, label: string, join = ''): ViewCase => ({
  name: `GET /monitoring/deadlines?groupBy=${groupBy}`,
  endpoint: (monitoring, agency) => monitoring.counts(scopeOf(agency), groupBy),
  raw: (pool, agency) => countsRaw(pool, agency, key, label, join),
  before: (pool, agency) => countsOfRowsRaw(pool, agency, key, label, join),
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
    // The total from the sums (the counts by agency), the page per part of the bucket in the index's order.
    raw: (pool, agency) => {
      const overdue = `${UNFULFILLED} AND ${RUNNING} AND deadline.due_on < $2::date`;
      const part = (condition: string) => `(SELECT ${CASE_COLUMNS} FROM deadlines deadline ${OFFICE_JOIN}
          WHERE deadline.agency = $1 AND ${condition} AND ${overdue} ${CASE_ORDER} LIMIT 50)`;
      return Promise.all([
        countsRaw(pool, agency, 'deadline.agency', 'deadline.agency'),
        pool.query(
          `SELECT * FROM (${part(`deadline.fulfilled_on IS NULL AND ${RUNNING}`)}
                          UNION ALL ${part('deadline.fulfilled_on > $2::date')}) deadline
            ${CASE_ORDER} LIMIT 50 OFFSET 0`,
          [agency, AS_ON],
        ),
      ]);
    },
    // The count of every row of the bucket, then the page filtered and sorted.
    before: async (pool, agency) => {
      const where = `deadline.agency = $1 AND ${UNFULFILLED} AND ${RUNNING} AND deadline.due_on < $2::date`;
      const client = await pool.connect();
      try {
        const total = await client.query(
          `SELECT count(*)::int AS total FROM deadlines deadline WHERE ${where}`,
          [agency, AS_ON],
        );
        const rows = await client.query(
          `SELECT ${CASE_COLUMNS} FROM deadlines deadline ${OFFICE_JOIN} WHERE ${where}
            ${CASE_ORDER} LIMIT 50 OFFSET 0`,
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
      // The views read the read models only: the events, stored states and outbox are not copied.
      const added = await cloneTrajectories(dataSource, {
        copies,
        serialBase: 500,
        excludeTables: ['events', 'trajectory_states', 'outbox_messages', 'policy_action_events'],
      });
      log(
        `copied the ${open} open and their closed trajectories ${copies}× in SQL: ${added} trajectories added`,
      );
      await spreadCounsellors(dataSource.query.bind(dataSource), copies + 1);
      // The copies' contributions were copied with their rows; their sums are what a rebuild computes.
      await dataSource.transaction((manager) => rebuildSums(manager));
    }
    await placeCounsellorsInOffices(dataSource.query.bind(dataSource));
    await dataSource.query('VACUUM ANALYZE');
    const [volume] = await dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM trajectory_summaries WHERE status <> 'CLOSED')::int AS open_trajectories,
              (SELECT count(*) FROM deadlines)::int AS deadlines,
              (SELECT count(*) FROM deadline_counts_by_counsellor)::int AS sums_by_counsellor,
              (SELECT count(*) FROM deadline_counts_by_municipality)::int AS sums_by_municipality,
              (SELECT count(DISTINCT counsellor_id) FROM deadlines)::int AS counsellors,
              (SELECT count(*) FROM offices)::int AS offices`,
    );
    log(`volume: ${JSON.stringify(volume)}`);

    const monitoring = new DeadlineMonitoring(dataSource);
    const random = seededRandom('monitoring');
    const lines: string[][] = [];
    for (const view of CASES) {
      const endpoint = new Measurement(view.name);
      const raw = new Measurement(`${view.name} (raw SQL)`);
      const before = new Measurement(`${view.name} (before)`);
      for (let sample = -config.warmup; sample < config.queries; sample += 1) {
        const agency = AGENCY_CODES[Math.floor(random() * AGENCY_CODES.length)];
        const runs: [Measurement, () => Promise<unknown>][] = [
          [endpoint, () => view.endpoint(monitoring, agency)],
          [raw, () => view.raw(pool, agency)],
        ];
        if (view.before) runs.push([before, () => view.before!(pool, agency)]);
        if (sample % 2 !== 0) runs.reverse();
        for (const [measurement, run] of runs) await timed(sample < 0 ? undefined : measurement, run);
      }
      const gap = endpoint.percentile(95) - raw.percentile(95);
      const beforeP = (p: number) => (view.before ? before.percentile(p).toFixed(2) : '');
      lines.push([
        view.name,
        endpoint.percentile(50).toFixed(2),
        endpoint.percentile(95).toFixed(2),
        raw.percentile(50).toFixed(2),
        raw.percentile(95).toFixed(2),
        gap.toFixed(2),
        endpoint.percentile(95) <= 30 && gap <= 5 ? 'yes' : 'NO',
        beforeP(50),
        beforeP(95),
      ]);
      log(
        `${view.name}: p95 ${endpoint.percentile(95).toFixed(2)} ms, raw ${raw.percentile(95).toFixed(2)} ms`,
      );
    }
    console.log(
      `\nDeadline monitoring at ${volume.open_trajectories} open trajectories, ${volume.deadlines} deadlines ` +
        `(sums: ${volume.sums_by_counsellor} rows per counsellor, ${volume.sums_by_municipality} per municipality), ` +
        `${volume.events} events; one agency per sample (a manager's scope), ${config.queries} samples each\n\n` +
        renderTable(
          [
            'view',
            'p50 ms',
            'p95 ms',
            'raw p50',
            'raw p95',
            'p95 − raw',
            '≤30 ms, ≤5 ms',
            'before p50',
            'before p95',
          ],
          lines,
        ),
    );
  } finally {
    await database.close();
  }
}

/**
 * The copies share their originals' counsellors, which would give each counsellor `spread` times the workload's
 * caseload (TRAJECTORIES_PER_COUNSELLOR) and the sums per counsellor `spread` times fewer rows than a store grown
 * through the domain. So each trajectory's counsellor becomes one of `spread` counsellors (by its id), in every read
 * model the views read; the counts per agency, municipality and kind stay as they are.
 */
async function spreadCounsellors(query: (sql: string) => Promise<unknown>, spread: number) {
  for (const table of ['trajectory_summaries', 'deadlines', 'deadline_contributions']) {
    await query(
      `UPDATE ${table} SET counsellor_id = counsellor_id || '-' || (abs(hashtext(trajectory_id)) % ${spread})
        WHERE counsellor_id IS NOT NULL`,
    );
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
