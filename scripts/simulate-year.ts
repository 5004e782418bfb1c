import type { DataSource } from 'typeorm';
import { calendarDate } from '../libs/domain/src';
import {
  DEFAULT_SIMULATION,
  INTAKE_2010,
  type SimulatedTrajectory,
  simulatedYear,
  type SimulationOptions,
} from '../libs/domain/src/simulation';
import { createLogger } from '../libs/logging/src';
import { createDataSource, rebuildReadModels, runMigrations } from '../libs/store/src';
import { type EventRow, insertEventRows } from '../libs/store/src/bulk/insert-event-rows';

const log = createLogger('simulate-year');

export interface SimulatedYearLoad {
  trajectories: number;
  events: number;
  rejectedCommands: number;
  byTargetGroup: Record<string, number>;
  /** Generating: deciding every command through the domain (ms). */
  generateMs: number;
  /** Inserting the events in bulk (ms). */
  insertMs: number;
  /** Rebuilding the stored states and read models of the whole store (ms). */
  rebuildMs: number;
  alreadyLoaded: boolean;
}

/**
 * Loads the simulated year (libs/domain/src/simulation/simulated-year.ts) straight into the event store — its events
 * inserted in bulk, no workflow — then rebuilds the stored states and read models from the events (unless `rebuild`
 * is false: a caller loading several batches rebuilds once). Idempotent: the trajectory ids derive from the seed, and
 * a store that already holds the first one is left as it is.
 */
export async function loadSimulatedYear(
  dataSource: DataSource,
  options: SimulationOptions = DEFAULT_SIMULATION,
  { rowsPerInsert = 5_000, rebuild = true }: { rowsPerInsert?: number; rebuild?: boolean } = {},
): Promise<SimulatedYearLoad> {
  const load: SimulatedYearLoad = {
    trajectories: 0,
    events: 0,
    rejectedCommands: 0,
    byTargetGroup: {},
    generateMs: 0,
    insertMs: 0,
    rebuildMs: 0,
    alreadyLoaded: false,
  };
  const generator = simulatedYear(options);
  let rows: EventRow[] = [];
  const flush = async () => {
    const started = performance.now();
    await insertEventRows(dataSource, rows);
    load.insertMs += performance.now() - started;
    load.events += rows.length;
    rows = [];
  };
  for (;;) {
    const started = performance.now();
    const next = generator.next();
    load.generateMs += performance.now() - started;
    if (next.done) break;
    if (load.trajectories === 0 && (await isLoaded(dataSource, next.value))) {
      return { ...load, alreadyLoaded: true };
    }
    load.trajectories += 1;
    load.rejectedCommands += next.value.rejected.length;
    load.byTargetGroup[next.value.plan.targetGroup] =
      (load.byTargetGroup[next.value.plan.targetGroup] ?? 0) + 1;
    rows.push(...rowsOf(next.value));
    if (rows.length >= rowsPerInsert) await flush();
    if (load.trajectories % 5_000 === 0) log.info({ trajectories: load.trajectories }, 'simulated');
  }
  await flush();
  if (!rebuild) return load;
  const started = performance.now();
  await rebuildReadModels(dataSource);
  load.rebuildMs = performance.now() - started;
  return load;
}

async function isLoaded(dataSource: DataSource, first: SimulatedTrajectory): Promise<boolean> {
  const rows: unknown[] = await dataSource.query('SELECT 1 FROM events WHERE stream_id = $1 LIMIT 1', [
    first.plan.trajectoryId,
  ]);
  return rows.length > 0;
}

function rowsOf({ plan, events }: SimulatedTrajectory): EventRow[] {
  const metadata = { actor: 'simulate-year', actorRole: 'system', actorOrganisation: plan.agency };
  return events.map((event, index) => ({
    stream_id: plan.trajectoryId,
    version: index + 1,
    type: event.type,
    schema_version: event.schemaVersion,
    data: event.data,
    metadata,
    occurred_at: event.occurredAt,
  }));
}

/** `npm run simulate:year` (DATABASE_URL; SIMULATE_COUNT, SIMULATE_SEED, SIMULATE_YEAR, SIMULATE_FOLLOW_UNTIL). */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log.error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/inburgering)');
    process.exitCode = 2;
    return;
  }
  const options: SimulationOptions = {
    seed: process.env.SIMULATE_SEED ?? DEFAULT_SIMULATION.seed,
    count: Number(process.env.SIMULATE_COUNT ?? INTAKE_2010.adults),
    year: Number(process.env.SIMULATE_YEAR ?? DEFAULT_SIMULATION.year),
    followUntil: calendarDate(process.env.SIMULATE_FOLLOW_UNTIL ?? DEFAULT_SIMULATION.followUntil),
  };
  await runMigrations(databaseUrl);
  const dataSource = await createDataSource(databaseUrl, {
    poolSize: 2,
    applicationName: 'simulate-year',
  }).initialize();
  try {
    const started = performance.now();
    const load = await loadSimulatedYear(dataSource, options);
    const seconds = (performance.now() - started) / 1000;
    if (load.alreadyLoaded) {
      log.info({ seed: options.seed }, 'this simulated year is already loaded; nothing written');
      return;
    }
    log.info(
      { ...load, seconds, options },
      `Loaded ${load.trajectories} simulated trajectories (${load.events} events) in ${seconds.toFixed(1)} s: ` +
        `generating ${(load.generateMs / 1000).toFixed(1)} s, inserting ${(load.insertMs / 1000).toFixed(1)} s, ` +
        `rebuilding the read models ${(load.rebuildMs / 1000).toFixed(1)} s.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.error({ err: error }, 'simulating the year failed');
    process.exitCode = 1;
  });
}
