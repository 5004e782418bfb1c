import type { EntityManager } from 'typeorm';
import {
  addDays,
  calendarDate,
  calendarDateAt,
  composeNationalNumber,
  decide,
  decideRegistrationLinks,
  fold,
  type TrajectoryCommand,
  type TrajectoryEvent,
  type TrajectoryState,
} from '../libs/domain/src';
import { createDataSource } from '../libs/store/src';
import { foldAppends, writeFoldedAppends } from '../libs/store/src/projections/project-append';
import { log, Measurement, positiveInteger, renderTable } from './measure';

/**
 * The worker's share of a registration file's links, without PostgreSQL: for BENCH_PROJECTION_LINKS trajectories
 * whose contract runs (default 1,000), the stored states are parsed, each link is decided by the domain, and the
 * append's projection step (`foldAppends` and `writeFoldedAppends`: the fold, every read model's rows compared and the
 * statements built) runs against a manager that counts the statements instead of sending them. Baseline, interleaved
 * in the same process: the same parse, decisions and the domain's own `fold` of the link events, the work any
 * projection needs. Both are timed in CPU milliseconds of this process (`process.cpuUsage`), which another process's
 * load disturbs far less than the whole import's wall time (`bench/registration-import.bench.ts`).
 *
 *   npm run build && node dist/bench/append-projection.bench.js
 *
 * BENCH_ROUNDS (default 10) rounds, each runs both in turn (the order alternates); the table gives the medians.
 */
const config = {
  links: positiveInteger('BENCH_PROJECTION_LINKS', 1_000),
  rounds: positiveInteger('BENCH_ROUNDS', 10),
};

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const now = Date.now();
  const stored = JSON.stringify(trajectoriesWithARunningContract(config.links, now));
  log(
    `${config.links} trajectories with a running contract, ${Math.round(stored.length / config.links)} bytes of state each`,
  );

  const dataSource = createDataSource('postgres://bench@127.0.0.1:1/never-connected');
  // The entities' metadata without connecting (initialize() would): the statements are built, never sent.
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  let statements = 0;
  const countingManager = {
    connection: dataSource,
    query: async () => {
      statements += 1;
      return [];
    },
  } as unknown as EntityManager;

  const domainOnly = async () => {
    for (const { state, events } of linksOf(stored, now)) fold(events, state);
  };
  const projection = async () => {
    const links = linksOf(stored, now);
    const folded = await foldAppends(
      countingManager,
      links.map(({ state, events }) => ({
        streamId: state.trajectoryId,
        firstVersion: state.version + 1,
        events,
      })),
      {
        preloaded: links.map(({ state }) => ({
          stream_id: state.trajectoryId,
          version: state.version,
          last_occurred_at: new Date(now - 10 * DAY_MS),
          state,
        })),
      },
    );
    const failed = folded.find((append) => 'failure' in append);
    if (failed && 'failure' in failed) throw failed.failure;
    await writeFoldedAppends(
      countingManager,
      folded as Exclude<(typeof folded)[number], { failure: Error }>[],
    );
  };

  // Warm-up: both once, and one statement count.
  await domainOnly();
  statements = 0;
  await projection();
  const statementsPerRun = statements;

  const cpu = { domainOnly: new Measurement('domain only'), projection: new Measurement('projection') };
  for (let round = 0; round < config.rounds; round++) {
    const order =
      round % 2 ? (['projection', 'domainOnly'] as const) : (['domainOnly', 'projection'] as const);
    for (const name of order) {
      const started = process.cpuUsage();
      await (name === 'projection' ? projection() : domainOnly());
      const used = process.cpuUsage(started);
      cpu[name].samples.push((used.user + used.system) / 1000);
    }
  }
  const projectionMs = cpu.projection.percentile(50);
  const domainMs = cpu.domainOnly.percentile(50);
  console.log(
    '\n' +
      renderTable(
        ['step', 'CPU ms (median)', 'µs per link', '× domain only', 'statements built'],
        [
          [
            'parse, decide, fold (domain only)',
            domainMs.toFixed(1),
            ((domainMs * 1000) / config.links).toFixed(0),
            '1.00',
            '',
          ],
          [
            'parse, decide, foldAppends + writeFoldedAppends',
            projectionMs.toFixed(1),
            ((projectionMs * 1000) / config.links).toFixed(0),
            (projectionMs / domainMs).toFixed(2),
            String(statementsPerRun),
          ],
        ],
      ),
  );
  console.log(`${config.links} links, ${config.rounds} rounds; CPU of this process only (no PostgreSQL)`);
}

/** Registered 20 days ago, intake 15 and contract 10 days ago: the VDAB deadline runs. */
function trajectoriesWithARunningContract(count: number, now: number): TrajectoryState[] {
  const states: TrajectoryState[] = [];
  for (let index = 0; index < count; index++) {
    const birthDate = addDays(calendarDate('1975-01-01'), index);
    let state: TrajectoryState | undefined;
    const run = (command: TrajectoryCommand) => {
      const decision = decide(state, command, { now });
      if (!decision.accepted) throw new Error(decision.rejection.message);
      state = fold(decision.events, state);
    };
    run({
      type: 'OpenTrajectory',
      trajectoryId: `bench-projection-${index}`,
      agency: 'IN_GENT',
      registeredOn: calendarDateAt(now - 20 * DAY_MS),
      newcomer: {
        nationalNumber: composeNationalNumber(birthDate, 1),
        givenName: 'Bench',
        familyName: `Projection ${index}`,
        birthDate,
        municipality: 'Gent',
      },
    });
    run({ type: 'RecordIntake', intakeOn: calendarDateAt(now - 15 * DAY_MS) });
    run({ type: 'RecordContract', signedOn: calendarDateAt(now - 10 * DAY_MS) });
    states.push(state!);
  }
  return states;
}

/** The stored states as the linker reads them, each with the events its VDAB registration decides. */
function linksOf(stored: string, now: number): { state: TrajectoryState; events: TrajectoryEvent[] }[] {
  return (JSON.parse(stored) as TrajectoryState[]).map((state) => {
    const [decision] = decideRegistrationLinks(
      state,
      [
        {
          nationalNumber: state.newcomer.nationalNumber,
          registeredOn: calendarDateAt(now - 2 * DAY_MS),
          partnerDossierId: 'VDAB-1',
        },
      ],
      now,
    );
    if (decision.outcome !== 'LINK')
      throw new Error(`expected a link, the domain decided ${decision.outcome}`);
    return { state, events: decision.events };
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
