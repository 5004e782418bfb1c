import type { DataSource } from 'typeorm';
import { DEFAULT_SIMULATION } from '../libs/domain/src/simulation';
import { rebuildReadModels } from '../libs/store/src';
import { loadSimulatedYear } from '../scripts/simulate-year';
import { cloneTrajectories } from './clone-trajectories';
import { formatSeconds, log } from './measure';

export interface SimulatedStoreSize {
  /** Open trajectories to reach. */
  open: number;
  /** Trajectories (one person each) to reach; the ones beyond `open` are closed. */
  persons: number;
  /** Intake years of the simulated year generated through the domain, each followed to its end (2025). */
  cohorts: readonly number[];
  /** Newcomers generated per cohort; the rest are copies of them. */
  perCohort: number;
}

/** Newcomers of the simulated year have distinct birth dates up to this many (see planNewcomer). */
const DISTINCT_BIRTH_DATES = 16_000;
/** The simulated year gives its newcomers serials from 600; copies take the serials below. */
const COPY_SERIALS = 599;
const COPIES_PER_ROUND = 20;

/**
 * Grows the store to `size` as the simulated year (libs/domain/src/simulation): newcomers of several intake years,
 * every command decided by the domain's `decide` and folded by `evolve` with the deadline timers in between, so
 * earlier cohorts have come further (more attests, follow-up tracks and closures) than later ones. Their events are
 * inserted in bulk and the read models rebuilt from them, once. Then, in SQL, the open ones are copied until `open`
 * trajectories are open and the closed ones until the store holds `persons` (clone-trajectories), in rounds that
 * each commit, so an interrupted run continues where it stopped. The generated trajectories are listed in
 * bench_generated_trajectories (no trajectory_id column, so it is never copied itself).
 */
export async function growSimulatedStore(dataSource: DataSource, size: SimulatedStoreSize): Promise<void> {
  const count = async (sql: string) => (await dataSource.query<{ n: number }[]>(sql))[0].n;
  if (size.cohorts.length * size.perCohort > DISTINCT_BIRTH_DATES)
    throw new RangeError(`at most ${DISTINCT_BIRTH_DATES} generated newcomers (distinct birth dates)`);
  if ((await count('SELECT count(*)::int AS n FROM events')) === 0) {
    for (const [position, year] of size.cohorts.entries()) {
      const load = await loadSimulatedYear(
        dataSource,
        { ...DEFAULT_SIMULATION, year, count: size.perCohort, firstIndex: position * size.perCohort },
        { rebuild: false },
      );
      log(
        `intake ${year}: ${load.trajectories} newcomers, ${load.events} events decided through the domain in ` +
          `${formatSeconds(load.generateMs)}, inserted in ${formatSeconds(load.insertMs)}`,
      );
    }
  }
  if ((await count('SELECT count(*)::int AS n FROM trajectory_summaries')) === 0) {
    const started = performance.now();
    const rebuilt = await rebuildReadModels(dataSource);
    log(
      `read models rebuilt from ${rebuilt.eventsReplayed} events in ${formatSeconds(performance.now() - started)}`,
    );
  }
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS bench_generated_trajectories (generated_id text PRIMARY KEY, closed boolean NOT NULL)`,
  );
  if ((await count('SELECT count(*)::int AS n FROM bench_generated_trajectories')) === 0) {
    await dataSource.query(
      `INSERT INTO bench_generated_trajectories
       SELECT trajectory_id, status = 'CLOSED' FROM trajectory_summaries`,
    );
  }
  await copyUntil(dataSource, false, size.open);
  await copyUntil(dataSource, true, size.persons - size.open);
}

/** Copies the generated open (or closed) trajectories in rounds until `target` of them are in the store. */
async function copyUntil(dataSource: DataSource, closed: boolean, target: number): Promise<void> {
  const state = closed ? `status = 'CLOSED'` : `status <> 'CLOSED'`;
  const [{ generated, present }] = await dataSource.query<{ generated: number; present: number }[]>(
    `SELECT (SELECT count(*) FROM bench_generated_trajectories WHERE closed = $1)::int AS generated,
            (SELECT count(*) FROM trajectory_summaries WHERE ${state})::int AS present`,
    [closed],
  );
  const needed = Math.ceil(target / generated) - 1;
  if (needed > COPY_SERIALS)
    throw new RangeError(`${target} needs ${needed} copies of ${generated}: generate more newcomers`);
  for (let done = Math.floor(present / generated) - 1; done < needed; done += COPIES_PER_ROUND) {
    const copies = Math.min(COPIES_PER_ROUND, needed - done);
    const started = performance.now();
    const added = await cloneTrajectories(dataSource, {
      copies,
      firstCopy: done + 1,
      serialBase: 0,
      sources: `summary.trajectory_id IN (SELECT generated_id FROM bench_generated_trajectories WHERE closed = ${closed})`,
    });
    log(
      `copied the ${generated} generated ${closed ? 'closed' : 'open'} trajectories ${copies}× more (copies ` +
        `${done + 1}-${done + copies} of ${needed}): +${added} in ${formatSeconds(performance.now() - started)}`,
    );
  }
}
