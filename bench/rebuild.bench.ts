import { availableParallelism, loadavg } from 'node:os';
import { rebuildReadModels, type RebuildPhases, tuneGarbageCollectionForRebuild } from '../libs/store/src';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { growEventStore } from './grow-store';
import { formatSeconds, log, positiveInteger, renderTable } from './measure';

/**
 * Rebuilding the read models from the events (`npm run rebuild`), against a raw copy of the events table measured in
 * the same run: `INSERT INTO copy SELECT * FROM events` into a table with the events table's columns, constraints
 * and indexes. The store is grown through the domain first (see grow-store). Copy and rebuild alternate for
 * BENCH_ROUNDS rounds; the ratio of their events/s is the figure to compare across machines. The CPU time this process
 * used (folding, mapping, encoding rows) is printed beside it: on a shared machine the wall time is mostly waiting.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:rebuild
 *
 * Sizes: BENCH_REBUILD_TRAJECTORIES (default 20,000), BENCH_ROUNDS (default 3). With BENCH_REBUILD_DATABASE_URL the
 * store of that database is used (grown first when it has no events) and kept, e.g. the read-path benchmark's.
 * BENCH_REBUILD_WORKERS lists the numbers of worker threads to rebuild with, each its own row, all in every round
 * (default "0,1,<cores>": folding on the rebuild's thread, in one worker thread, in one per core), and
 * BENCH_REBUILD_WRITERS the numbers of writing connections (default "2"; "1,2" compares them), each combination its
 * own row. The one-minute load
 * average is printed after every run, and the rebuild's phases (median wall time of each) below the table.
 */
const config = {
  trajectories: positiveInteger('BENCH_REBUILD_TRAJECTORIES', 20_000),
  rounds: positiveInteger('BENCH_ROUNDS', 3),
  workers: workerCounts(process.env.BENCH_REBUILD_WORKERS ?? `0,1,${availableParallelism()}`),
  writers: writerCounts(process.env.BENCH_REBUILD_WRITERS ?? '2'),
};

function writerCounts(raw: string): (1 | 2)[] {
  const counts = raw.split(',').map(Number);
  if (!counts.length || counts.some((count) => count !== 1 && count !== 2))
    throw new Error(`BENCH_REBUILD_WRITERS must list 1s and 2s, got "${raw}"`);
  return counts as (1 | 2)[];
}

function workerCounts(raw: string): number[] {
  const counts = raw.split(',').map(Number);
  if (!counts.length || counts.some((count) => !Number.isInteger(count) || count < 0))
    throw new Error(`BENCH_REBUILD_WORKERS must list whole numbers, got "${raw}"`);
  return counts;
}

async function main(): Promise<void> {
  // As `npm run rebuild` does.
  tuneGarbageCollectionForRebuild();
  const database = await openKeptOrThrowawayDatabase('BENCH_REBUILD_DATABASE_URL');
  try {
    const { dataSource } = database;
    let [{ events }] = await dataSource.query<{ events: number }[]>(
      'SELECT count(*)::int AS events FROM events',
    );
    if (events === 0) {
      log(`${database.origin}; growing ${config.trajectories} trajectories`);
      const grown = await growEventStore(dataSource, 'rebuild', config.trajectories);
      log(
        `${grown.events} events of ${grown.trajectories} trajectories: decided in ${formatSeconds(grown.decideMs)}, ` +
          `inserted in ${formatSeconds(grown.insertMs)}`,
      );
      events = grown.events;
    } else log(`${database.origin}: reusing its ${events} events`);
    await dataSource.query('VACUUM ANALYZE events');

    const copies: number[] = [];
    const rebuilds = config.workers.flatMap((workers) =>
      config.writers.map((writers) => ({
        workers,
        writers,
        samples: [] as number[],
        phases: [] as RebuildPhases[],
      })),
    );
    const loads: number[] = [];
    // This process's CPU time (ms) per run, its worker threads' included: on a shared machine, what the fold and the
    // row mapping cost here.
    const cpu = new Map<number[], number[]>([
      [copies, []],
      ...rebuilds.map(({ samples }) => [samples, []] as [number[], number[]]),
    ]);
    const timed = async (samples: number[], run: () => Promise<unknown>) => {
      const [started, startedCpu] = [performance.now(), process.cpuUsage()];
      await run();
      samples.push(performance.now() - started);
      const used = process.cpuUsage(startedCpu);
      cpu.get(samples)!.push((used.user + used.system) / 1000);
    };
    let streams = 0;
    for (let round = 1; round <= config.rounds; round += 1) {
      await dataSource.query('DROP TABLE IF EXISTS bench_events_copy');
      await dataSource.query(
        'CREATE TABLE bench_events_copy (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
      );
      await timed(copies, () => dataSource.query('INSERT INTO bench_events_copy SELECT * FROM events'));
      await dataSource.query('DROP TABLE bench_events_copy');

      loads.push(loadavg()[0]);

      for (const { workers, writers, samples, phases } of rebuilds) {
        await timed(samples, async () => {
          const result = await rebuildReadModels(dataSource, { workers, writers });
          streams = result.streams;
          phases.push(result.phases);
          if (result.eventsReplayed !== events) {
            throw new Error(`the rebuild replayed ${result.eventsReplayed} events, not ${events}`);
          }
        });
        loads.push(loadavg()[0]);
      }
      log(
        `round ${round}: copy ${formatSeconds(copies.at(-1)!)}, ` +
          rebuilds
            .map(
              ({ workers, writers, samples }) =>
                `rebuild (${workers} workers, ${writers} writers) ${formatSeconds(samples.at(-1)!)}`,
            )
            .join(', ') +
          `; load ${loads.at(-1)!.toFixed(1)}`,
      );
    }

    const rate = (ms: number) => (events * 1000) / ms;
    const best = (samples: number[]) => Math.min(...samples);
    const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    const rows: [string, number[]][] = [
      ['raw copy of the events table', copies],
      ...rebuilds.map(({ workers, writers, samples }): [string, number[]] => [
        `rebuild, ${label(workers, writers)}`,
        samples,
      ]),
    ];
    const phaseNames: (keyof RebuildPhases)[] = ['emptying', 'loading', 'indexing', 'summing'];
    console.log(
      `\nRebuild, ${events} events of ${streams} streams, ${config.rounds} rounds; one-minute load average ` +
        `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)})\n\n` +
        renderTable(
          [
            'operation',
            'median s',
            'median events/s',
            'best events/s',
            '÷ raw copy (median)',
            'client CPU s',
          ],
          rows.map(([name, samples]) => [
            name,
            (median(samples) / 1000).toFixed(2),
            rate(median(samples)).toFixed(0),
            rate(best(samples)).toFixed(0),
            samples === copies ? '(baseline)' : (median(copies) / median(samples)).toFixed(2),
            (median(cpu.get(samples)!) / 1000).toFixed(2),
          ]),
        ) +
        '\n\nRebuild phases, median wall s\n\n' +
        renderTable(
          ['rebuild', ...phaseNames],
          rebuilds.map(({ workers, writers, phases }) => [
            label(workers, writers),
            ...phaseNames.map((name) => (median(phases.map((spent) => spent[name])) / 1000).toFixed(2)),
          ]),
        ),
    );
  } finally {
    await database.close();
  }
}

function label(workers: number, writers: number): string {
  return `${workers ? `${workers} worker thread${workers > 1 ? 's' : ''}` : 'folded on its own thread'}, ${writers} writer${writers > 1 ? 's' : ''}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
