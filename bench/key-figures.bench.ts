import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { loadavg } from 'node:os';
import { isSummable, KEY_FIGURES } from '../libs/domain/src/key-figures';
import { rebuildSums } from '../libs/store/src';
import {
  keyFigureContributionsSql,
  KeyFigureQueries,
  keyFigureStatement,
  openAtEndStatement,
  openCaseChangesSql,
  summedKeyFiguresStatement,
} from '../libs/store/src/key-figures';
import type { KeyFigureFilter } from '../libs/store/src/key-figures';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { Measurement } from './measure';

/**
 * The key figures' read path (issue 9 §2 speed): every figure for a year, as `GET /key-figures` computes them
 * (KeyFigureQueries.aggregates: the summable figures in one statement over their sums per cohort month, the open
 * cases and the commands one aggregate each, side by side on the pool), against the raw SQL of the same statements
 * sent through the same pool the same way, and against the aggregates over the facts the endpoint ran before (one
 * statement per figure, side by side: `directAggregates`), interleaved in one run.
 *
 * The data: TRAJECTORIES rows in trajectory_milestones (OPEN_SHARE of them open) and VIOLATIONS rows in
 * violations, generated in SQL with plausible dates over three years; no events, so the commands figure reads an
 * empty range (its cost on a large store is not measured here). With BENCH_KEY_FIGURES_DATABASE_URL, that database is
 * migrated, loaded on the first run and reused by the next ones.
 */
const TRAJECTORIES = Number(process.env.BENCH_TRAJECTORIES ?? 300_000);
const OPEN_SHARE = 1 / 3;
const VIOLATIONS = Number(process.env.BENCH_VIOLATIONS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function main(): Promise<void> {
  const database = await openKeptOrThrowawayDatabase('BENCH_KEY_FIGURES_DATABASE_URL', 8);
  try {
    const [{ server_version: serverVersion }] =
      await database.dataSource.query<{ server_version: string }[]>('SHOW server_version');
    const [{ loaded }] = await database.dataSource.query<{ loaded: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM trajectory_milestones) AS loaded',
    );
    const loadStart = performance.now();
    if (!loaded) await load(database.dataSource);
    const loadMs = performance.now() - loadStart;
    const [counts] = await database.dataSource.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM key_figure_contributions) AS contributions,
              (SELECT count(*) FROM key_figure_sums_by_agency) AS by_agency,
              (SELECT count(*) FROM key_figure_sums_by_municipality) AS by_municipality,
              (SELECT count(*) FROM key_figure_sums_by_counsellor) AS by_counsellor,
              (SELECT count(*) FROM key_figure_sums_by_office) AS by_office,
              (SELECT count(*) FROM key_figure_sums_by_day) AS by_day,
              (SELECT count(*) FROM key_figure_yearly_sums_by_municipality) AS yearly_by_municipality,
              (SELECT count(*) FROM key_figure_yearly_sums_by_office) AS yearly_by_office,
              (SELECT count(*) FROM open_case_changes_by_counsellor) AS open_changes`,
    );

    const queries = new KeyFigureQueries(database.dataSource);
    const year = { from: '2025-01-01' as never, to: '2025-12-31' as never };
    const filters: [string, KeyFigureFilter][] = [
      ['one year, all agencies', { period: year }],
      ['one year, per agency', { period: year, groupBy: 'agency' }],
      ['one year, one agency', { period: year, agency: 'ATLAS' }],
      ['one year, per office', { period: year, groupBy: 'office' }],
      ['one year, per municipality', { period: year, groupBy: 'municipality' }],
      [
        '15 Jan - 14 Dec, one agency',
        { period: { from: '2025-01-15' as never, to: '2025-12-14' as never }, agency: 'ATLAS' },
      ],
    ];
    process.stdout.write(
      `key figures read path: ${TRAJECTORIES} milestone rows (${Math.round(TRAJECTORIES * OPEN_SHARE)} open), ` +
        `${VIOLATIONS} violations, ${loaded ? 'kept from an earlier run' : `loaded and summed in ${(loadMs / 1000).toFixed(1)} s`}; ` +
        `${counts.contributions} contributions (${counts.by_agency} rows by agency, ${counts.by_municipality} ` +
        `by municipality, ${counts.by_counsellor} by counsellor, ${counts.by_office} by office, ${counts.by_day} by day, ` +
        `${counts.yearly_by_municipality} per year by municipality, ${counts.yearly_by_office} per year by office, ` +
        `${counts.open_changes} open-case changes by month and counsellor); ${database.origin}, server ${serverVersion}; ` +
        `load average at start ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')}\n\n` +
        '| query | summed p50 ms | summed p95 ms | raw SQL p50 ms | raw SQL p95 ms | summable only p50 | p95 | raw p50 | raw p95 | before p50 ms | before p95 ms |\n' +
        '|---|---|---|---|---|---|---|---|---|---|---|\n',
    );
    for (const [name, filter] of filters) {
      const service = new Measurement(name);
      const raw = new Measurement(`${name} raw`);
      const summable = new Measurement(`${name} summable`);
      const summableRaw = new Measurement(`${name} summable raw`);
      const before = new Measurement(`${name} before`);
      const summed = summedKeyFiguresStatement(filter);
      if (!summed) throw new Error(`${name}: not summed`);
      const open = openAtEndStatement(filter);
      const direct = [
        ...(open ? [open] : []),
        ...KEY_FIGURES.filter(
          (figure) => !isSummable(figure) && !(open && figure.selection.cohort === 'OPEN_AT_END'),
        ).map((figure) => keyFigureStatement(figure, filter)),
      ];
      const time = async (work: () => Promise<unknown>) => {
        const start = performance.now();
        await work();
        return performance.now() - start;
      };
      for (let round = 0; round < ROUNDS + 3; round += 1) {
        // The five in turn, each round starting one further, so that none always follows the heavy one.
        const work: (() => Promise<unknown>)[] = [
          () => queries.aggregates(filter),
          () =>
            Promise.all(
              [summed, ...direct].map(({ sql, parameters }) => database.pool.query(sql, parameters)),
            ),
          () => database.dataSource.query(summed.sql, summed.parameters),
          () => database.pool.query(summed.sql, summed.parameters),
          () => queries.directAggregates(filter),
        ];
        const samples: number[] = [];
        for (let step = 0; step < work.length; step += 1) {
          const index = (round + step) % work.length;
          samples[index] = await time(work[index]);
        }
        if (round >= 3) {
          [service, raw, summable, summableRaw, before].forEach((measurement, index) =>
            measurement.samples.push(samples[index]),
          );
        }
      }
      const f = (measurement: Measurement, p: number) => measurement.percentile(p).toFixed(1);
      process.stdout.write(
        `| ${name} | ${[service, raw, summable, summableRaw, before].map((m) => `${f(m, 50)} | ${f(m, 95)}`).join(' | ')} |\n`,
      );
    }
    process.stdout.write(
      `\nload average at end ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}\n`,
    );
  } finally {
    await database.close();
  }
}

/**
 * The bench's facts, generated in SQL, with their contributions (the SQL of the definitions) and their sums as a
 * rebuild computes them.
 */
async function load(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO trajectory_milestones
     SELECT 'trj-' || i, (ARRAY['AGII','ATLAS','IN_GENT'])[1 + i % 3], 'gemeente-' || (i % 300),
            'counsellor-' || (i % 400), CASE WHEN i % 3 = 0 THEN 'OPEN' ELSE 'CLOSED' END,
            reg, reg + 14, reg + 40, reg + 40 + (i % 90), (i % 90) <= 60, reg + 60 + (i % 50), 46 + (i % 50), 40,
            reg + 120, 1 + (i % 2), i % 2 = 0, i % 5 <> 0, reg + 200, 1 + (i % 3), i % 3 = 0, i % 4 <> 0,
            CASE WHEN i % 4 <> 0 THEN reg + 400 END, CASE WHEN i % 4 <> 0 THEN 400 END,
            i % 2 = 0, (i % 41)::numeric, i % 2 = 0 AND i % 41 = 40,
            CASE WHEN i % 3 = 0 THEN NULL ELSE reg + 500 END
       FROM generate_series(1, $1) AS i, LATERAL (SELECT DATE '2023-01-01' + (i % 1095) AS reg) d`,
    [TRAJECTORIES],
  );
  await dataSource.query(
    `INSERT INTO violations (trajectory_id, violation_id, kind, facts, state, opened_at, decision, amount_euro,
                             decided_on, agency, counsellor_id, municipality)
     SELECT 'trj-' || i, 'v-' || i, 'VDAB_REGISTRATION_DEADLINE_MISSED', 'missed', 'DECIDED',
            TIMESTAMPTZ '2023-01-01' + (i % 1095) * INTERVAL '1 day', CASE WHEN i % 2 = 0 THEN 'FINE' ELSE 'NO_FINE' END,
            CASE WHEN i % 2 = 0 THEN 250 END, DATE '2023-01-20' + (i % 1095),
            (ARRAY['AGII','ATLAS','IN_GENT'])[1 + i % 3], 'counsellor-' || (i % 400), 'gemeente-' || (i % 300)
       FROM generate_series(1, $1) AS i`,
    [VIOLATIONS],
  );
  // Forty offices of ten counsellors each (the office grouping joins a counsellor's office).
  await dataSource.query(
    `INSERT INTO offices (office_id, agency, name)
     SELECT 'office-' || o, (ARRAY['AGII','ATLAS','IN_GENT'])[1 + o % 3], 'Office ' || o FROM generate_series(0, 39) AS o`,
  );
  await dataSource.query(
    `INSERT INTO counsellor_offices (counsellor_id, office_id)
     SELECT 'counsellor-' || k, 'office-' || (k % 40) FROM generate_series(0, 399) AS k`,
  );
  // The contributions of the loaded facts by the SQL of the definitions, and their sums as a rebuild computes them.
  await dataSource.transaction(async (manager) => {
    await manager.query(`INSERT INTO key_figure_contributions ${keyFigureContributionsSql()}`);
    await manager.query(`INSERT INTO open_case_changes ${openCaseChangesSql()}`);
    await rebuildSums(manager);
  });
  await dataSource.query('ANALYZE');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
