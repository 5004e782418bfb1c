import { performance } from 'node:perf_hooks';
import { KEY_FIGURES } from '../libs/domain/src/key-figures';
import { KeyFigureQueries, keyFigureStatement } from '../libs/store/src/key-figures';
import type { KeyFigureFilter } from '../libs/store/src/key-figures';
import { openBenchDatabase } from './bench-database';
import { Measurement } from './measure';

/**
 * The key figures' read path (issue 9 §2 speed): every figure for a year, as `GET /key-figures` computes them
 * (KeyFigureQueries.aggregates: one statement per figure, side by side on the pool), against the raw SQL of the
 * same statements sent one after the other through the same pool, interleaved in one run.
 *
 * The data: TRAJECTORIES rows in trajectory_milestones (OPEN_SHARE of them open) and VIOLATIONS rows in
 * violations, generated in SQL with plausible dates over three years; no events, so the commands figure reads an
 * empty range (its cost on a large store is not measured here).
 */
const TRAJECTORIES = Number(process.env.BENCH_TRAJECTORIES ?? 300_000);
const OPEN_SHARE = 1 / 3;
const VIOLATIONS = Number(process.env.BENCH_VIOLATIONS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function main(): Promise<void> {
  const database = await openBenchDatabase(8);
  try {
    const loadStart = performance.now();
    await database.dataSource.query(
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
    await database.dataSource.query(
      `INSERT INTO violations (trajectory_id, violation_id, kind, facts, state, opened_at, decision, amount_euro,
                               decided_on, agency, counsellor_id, municipality)
       SELECT 'trj-' || i, 'v-' || i, 'VDAB_REGISTRATION_DEADLINE_MISSED', 'missed', 'DECIDED',
              TIMESTAMPTZ '2023-01-01' + (i % 1095) * INTERVAL '1 day', CASE WHEN i % 2 = 0 THEN 'FINE' ELSE 'NO_FINE' END,
              CASE WHEN i % 2 = 0 THEN 250 END, DATE '2023-01-20' + (i % 1095),
              (ARRAY['AGII','ATLAS','IN_GENT'])[1 + i % 3], 'counsellor-' || (i % 400), 'gemeente-' || (i % 300)
         FROM generate_series(1, $1) AS i`,
      [VIOLATIONS],
    );
    await database.dataSource.query('ANALYZE');
    const loadMs = performance.now() - loadStart;

    const queries = new KeyFigureQueries(database.dataSource);
    const filters: [string, KeyFigureFilter][] = [
      ['one year, all agencies', { period: { from: '2025-01-01' as never, to: '2025-12-31' as never } }],
      [
        'one year, per agency',
        { period: { from: '2025-01-01' as never, to: '2025-12-31' as never }, groupBy: 'agency' },
      ],
      [
        'one year, one agency',
        { period: { from: '2025-01-01' as never, to: '2025-12-31' as never }, agency: 'ATLAS' },
      ],
    ];
    process.stdout.write(
      `key figures read path: ${TRAJECTORIES} milestone rows (${Math.round(TRAJECTORIES * OPEN_SHARE)} open), ` +
        `${VIOLATIONS} violations, loaded in ${(loadMs / 1000).toFixed(1)} s, ${database.origin} ${database.serverVersion}\n\n` +
        '| query | service p50 ms | service p95 ms | raw SQL p50 ms | raw SQL p95 ms |\n|---|---|---|---|---|\n',
    );
    for (const [name, filter] of filters) {
      const service = new Measurement(name);
      const raw = new Measurement(`${name} raw`);
      const statements = KEY_FIGURES.map((figure) => keyFigureStatement(figure, filter));
      for (let round = 0; round < ROUNDS + 3; round += 1) {
        let start = performance.now();
        await queries.aggregates(filter);
        const serviceMs = performance.now() - start;
        start = performance.now();
        for (const { sql, parameters } of statements) await database.pool.query(sql, parameters);
        const rawMs = performance.now() - start;
        if (round >= 3) {
          service.samples.push(serviceMs);
          raw.samples.push(rawMs);
        }
      }
      const f = (value: number) => value.toFixed(1);
      process.stdout.write(
        `| ${name} | ${f(service.percentile(50))} | ${f(service.percentile(95))} | ${f(raw.percentile(50))} | ${f(raw.percentile(95))} |\n`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
