import { fork } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { rebuildReadModels, type RebuildPhases, tuneGarbageCollectionForRebuild } from '../libs/store/src';
import { openKeptOrThrowawayDatabase } from './kept-database';
import { growEventStore } from './grow-store';
import { formatSeconds, log, positiveInteger, renderTable } from './measure';
import type { RebuildOnceAnswer, RebuildOnceRequest } from './rebuild-once';

/**
 * Rebuilding the read models from the events (`npm run rebuild`), against a raw copy of the events table measured in
 * the same run: `INSERT INTO copy SELECT * FROM events` into a table with the events table's columns, constraints
 * and indexes. The store is grown through the domain first (see grow-store). Copy and rebuild alternate for
 * BENCH_ROUNDS rounds; the ratio of their events/s is the figure to compare across machines. The CPU time the
 * rebuilding process used (folding, mapping, encoding rows) is printed beside it: on a shared machine the wall time is
 * mostly waiting.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:rebuild
 *
 * Sizes: BENCH_REBUILD_TRAJECTORIES (default 20,000), BENCH_ROUNDS (default 3). With BENCH_REBUILD_DATABASE_URL the
 * store of that database is used (grown first when it has no events) and kept, e.g. the read-path benchmark's.
 * BENCH_REBUILD_WORKERS lists the numbers of worker threads to rebuild with, each its own row, all in every round
 * (default "0,1,<cores>": folding on the rebuild's thread, in one worker thread, in one per core), and
 * BENCH_REBUILD_WRITERS the numbers of writing connections (default "2"; "1,2" compares them), each combination its
 * own row. BENCH_REBUILD_IN lists where each rebuild runs: "fresh" (the default) in a process of its own, as
 * `npm run rebuild` does (bench/rebuild-once), "same" in this process, where every rebuild after the first finds the
 * code compiled and the memory mapped by the ones before (a first rebuild was ~0.7-1.0 s slower on 293,867 events,
 * with ~60,000 more page faults); each its own row. The one-minute load
 * average is printed after every run, and the rebuild's phases (median wall time of each) below the table.
 */
const config = {
  trajectories: positiveInteger('BENCH_REBUILD_TRAJECTORIES', 20_000),
  rounds: positiveInteger('BENCH_ROUNDS', 3),
  workers: workerCounts(process.env.BENCH_REBUILD_WORKERS ?? `0,1,${availableParallelism()}`),
  writers: writerCounts(process.env.BENCH_REBUILD_WRITERS ?? '2'),
  places: places(process.env.BENCH_REBUILD_IN ?? 'fresh'),
};

type Place = 'fresh' | 'same';

function places(raw: string): Place[] {
  const listed = raw.split(',');
  if (!listed.length || listed.some((place) => place !== 'fresh' && place !== 'same'))
    throw new Error(`BENCH_REBUILD_IN must list "fresh" and "same", got "${raw}"`);
  return listed as Place[];
}

/** One rebuild in a child process (bench/rebuild-once), as `npm run rebuild` runs it. */
function rebuildInFreshProcess(request: RebuildOnceRequest): Promise<RebuildOnceAnswer> {
  return new Promise((resolve, reject) => {
    let answer: RebuildOnceAnswer | undefined;
    const child = fork(join(__dirname, 'rebuild-once.js'), {
      env: { ...process.env, BENCH_REBUILD_ONCE: JSON.stringify(request) },
      execArgv: [],
    });
    child.on('message', (message) => (answer = message as RebuildOnceAnswer));
    child.on('error', reject);
    child.on('exit', (code) =>
      answer && code === 0 ? resolve(answer) : reject(new Error(`the rebuild's process exited with ${code}`)),
    );
  });
}

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
    const rebuilds = config.places.flatMap((place) =>
      config.workers.flatMap((workers) =>
        config.writers.map((writers) => ({
          place,
          workers,
          writers,
          samples: [] as number[],
          phases: [] as RebuildPhases[],
        })),
      ),
    );
    const loads: number[] = [];
    // The rebuilding process's CPU time (ms) per run, its worker threads' included: on a shared machine, what the fold
    // and the row mapping cost.
    const cpu = new Map<number[], number[]>([
      [copies, []],
      ...rebuilds.map(({ samples }) => [samples, []] as [number[], number[]]),
    ]);
    // A run in a child process answers its own wall and CPU time.
    const timed = async (samples: number[], run: () => Promise<{ ms: number; cpuMs: number } | void>) => {
      const [started, startedCpu] = [performance.now(), process.cpuUsage()];
      const measured = await run();
      const used = process.cpuUsage(startedCpu);
      samples.push(measured ? measured.ms : performance.now() - started);
      cpu.get(samples)!.push(measured ? measured.cpuMs : (used.user + used.system) / 1000);
    };
    let streams = 0;
    for (let round = 1; round <= config.rounds; round += 1) {
      await dataSource.query('DROP TABLE IF EXISTS bench_events_copy');
      await dataSource.query(
        'CREATE TABLE bench_events_copy (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
      );
      await timed(copies, async () => {
        await dataSource.query('INSERT INTO bench_events_copy SELECT * FROM events');
      });
      await dataSource.query('DROP TABLE bench_events_copy');

      loads.push(loadavg()[0]);

      for (const { place, workers, writers, samples, phases } of rebuilds) {
        await timed(samples, async () => {
          const answer =
            place === 'fresh'
              ? await rebuildInFreshProcess({ url: database.url, workers, writers })
              : undefined;
          const result = answer?.result ?? (await rebuildReadModels(dataSource, { workers, writers }));
          streams = result.streams;
          phases.push(result.phases);
          if (result.eventsReplayed !== events) {
            throw new Error(`the rebuild replayed ${result.eventsReplayed} events, not ${events}`);
          }
          return answer;
        });
        loads.push(loadavg()[0]);
      }
      log(
        `round ${round}: copy ${formatSeconds(copies.at(-1)!)}, ` +
          rebuilds
            .map(
              ({ place, workers, writers, samples }) =>
                `rebuild (${place}, ${workers} workers, ${writers} writers) ${formatSeconds(samples.at(-1)!)}`,
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
      ...rebuilds.map(({ place, workers, writers, samples }): [string, number[]] => [
        `rebuild, ${label(place, workers, writers)}`,
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
          rebuilds.map(({ place, workers, writers, phases }) => [
            label(place, workers, writers),
            ...phaseNames.map((name) => (median(phases.map((spent) => spent[name])) / 1000).toFixed(2)),
          ]),
        ),
    );
  } finally {
    await database.close();
  }
}

function label(place: Place, workers: number, writers: number): string {
  return `${place === 'fresh' ? 'own process' : 'this process'}, ${workers ? `${workers} worker thread${workers > 1 ? 's' : ''}` : 'folded on its own thread'}, ${writers} writer${writers > 1 ? 's' : ''}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
