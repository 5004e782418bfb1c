import { plainToInstance } from 'class-transformer';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { OpenTrajectoryDto } from '../apps/api/src/trajectories/dto/open-trajectory.dto';
import { RecordContractDto } from '../apps/api/src/trajectories/dto/record-contract.dto';
import { RecordIntakeDto } from '../apps/api/src/trajectories/dto/record-intake.dto';
import {
  addDays,
  calendarDate,
  composeNationalNumber,
  decide,
  fold,
  MaybeTrajectoryState,
  TrajectoryCommand,
} from '../libs/domain/src';
import { AppendRequest, EventStore } from '../libs/store/src';
import type { CommandResult } from '../workflows/src/definitions';
import { CommandPathSystem, startCommandPathSystem } from './command-path-system';
import { formatSeconds, log, Measurement, positiveInteger, renderTable, runConcurrently } from './measure';

/**
 * The full command path against a baseline measured in the same process:
 *
 * - measured: an HTTP request (Node's fetch, keep-alive, to the real NestJS API on 127.0.0.1) → the API's
 *   read-model check → a Temporal Update (update-with-start for the open) on an in-memory Temporal dev server →
 *   the trajectory workflow's validator and `decide` → the `appendEvents` activity → `EventStore.append` in
 *   PostgreSQL → the answer back over HTTP. Per trajectory: POST /trajectories, POST /trajectories/:id/intake,
 *   POST /trajectories/:id/contract, with the bodies of test/trajectory/trajectory-slice.test.ts and dates in the
 *   past (registered 40, intake 30, contract 20 days ago). Each trajectory is a distinct newcomer.
 * - baseline: `EventStore.append` called directly, on the same database, of exactly what the activity would be
 *   given for the same three commands: the same request bodies turned into commands by the API's own DTOs, run
 *   through the domain's `decide` and `fold` (as the workflow does, `now` = the wall clock), with the metadata the
 *   workflow adds (actor, correlation id, causation id, command type), for a twin trajectory (fresh id, its own
 *   newcomer). Deciding happens before the clock starts; only the appends are timed, one after the other per
 *   trajectory, like the workflow's. So the ratio is the cost of HTTP + API + Temporal + workflow on top of the
 *   append the command path cannot avoid.
 *
 * Sequentially, then with BENCH_COMMAND_CONCURRENCY trajectories at once (both sides). Baseline and measured work
 * alternate in small rounds (who goes first alternates too), so drift on a noisy machine hits both alike. The API,
 * the worker and this client share one Node process, as in the integration tests; Temporal and PostgreSQL run
 * beside it on the same cores.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:commands
 *   (without DATABASE_URL: an embedded PostgreSQL cluster in a temporary directory)
 *
 * Sizes: BENCH_COMMAND_TRAJECTORIES (per mode, default 100), BENCH_COMMAND_CONCURRENCY (default 8).
 */

const config = {
  trajectories: positiveInteger('BENCH_COMMAND_TRAJECTORIES', 100),
  concurrency: positiveInteger('BENCH_COMMAND_CONCURRENCY', 8),
  warmupTrajectories: 8,
  /** Trajectories per alternating round (sequential) and per worker per round (concurrent). */
  roundSize: 5,
};

const ACTOR = 'counsellor-17';
const KINDS = ['open', 'intake', 'contract'] as const;
type Kind = (typeof KINDS)[number];
const ROUTES: Record<Kind, string> = {
  open: 'POST /trajectories',
  intake: 'POST /trajectories/:id/intake',
  contract: 'POST /trajectories/:id/contract',
};
/** The answers the slice test expects: a command that "succeeds" with other events did other work. */
const EXPECTED: Record<Kind, { status: number; version: number; events: string[] }> = {
  open: { status: 201, version: 1, events: ['TrajectoryOpened'] },
  intake: { status: 200, version: 2, events: ['IntakeRecorded'] },
  contract: { status: 200, version: 5, events: ['ContractSigned', 'PillarsDetermined', 'DeadlineSet'] },
};

let stopRequested = false;

async function main(): Promise<void> {
  let system: CommandPathSystem | undefined;
  const stopOnSignal = () => {
    if (stopRequested) process.exit(130);
    stopRequested = true;
    log(
      'stopping after the current round (again to exit at once; the throwaway database is then left behind)',
    );
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);

  const started = performance.now();
  try {
    system = await startCommandPathSystem(config.concurrency + 2, log);
    log(system.description);
    log(
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); ` +
        `${config.trajectories} trajectories per mode × 3 commands, concurrency ${config.concurrency}, ` +
        `rounds of ${config.roundSize} trajectories (× concurrency when concurrent), ` +
        `warm-up ${config.warmupTrajectories} trajectories per mode`,
    );
    if (!stopRequested) {
      const rows = await benchmark(system);
      console.log(`\n${formatTable(rows)}\n`);
      console.log(
        'p50 ×base = p50 ÷ baseline p50 of the same command kind; thru ×base = baseline commands/s ÷ commands/s ' +
          '(both: how many times the baseline the command path costs). Baseline: EventStore.append of the same ' +
          "events (decided up front from the same request bodies), directly on the bench's pool. " +
          '"append in activity" = EventStore.append as the worker\'s activity ran it during the measured commands.',
      );
    }
  } finally {
    const stopping = performance.now();
    await system?.close();
    log(
      `shut down in ${formatSeconds(performance.now() - stopping)}; done in ${formatSeconds(performance.now() - started)}`,
    );
  }
}

/** One mode's measurements: per command kind and all commands together, measured and baseline. */
interface ModeMeasurements {
  label: string;
  measured: Record<Kind | 'all', Measurement>;
  baseline: Record<Kind | 'all', Measurement>;
  /** EventStore.append as the activity ran it, during the measured rounds of this mode. */
  activityAppend: Measurement;
}

async function benchmark(system: CommandPathSystem): Promise<TableRow[]> {
  const store = new EventStore(system.database.dataSource);
  const client = new ApiClient(system.baseUrl, system.accessToken);
  const people = newcomers();
  const recorder = recordActivityAppends(store);

  // Warm-up: HTTP connections, gRPC channels, workflow cache and V8, both pools, prepared plans; not measured.
  const warmupStarted = performance.now();
  for (const concurrency of [1, config.concurrency]) {
    const count = config.warmupTrajectories * Math.min(concurrency, 2);
    await runConcurrently(trajectories(people, count), concurrency, (t) => runTrajectory(client, t));
    await runConcurrently(twins(people, count), concurrency, (t) => appendTrajectory(store, t));
  }
  log(`warm-up in ${formatSeconds(performance.now() - warmupStarted)}`);

  const rows: TableRow[] = [];
  for (const concurrency of [1, config.concurrency]) {
    if (stopRequested) break;
    const mode = modeMeasurements(concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`);
    const phaseStarted = performance.now();
    const chunk = config.roundSize * concurrency;
    for (let done = 0, round = 0; done < config.trajectories && !stopRequested; round += 1) {
      const size = Math.min(chunk, config.trajectories - done);
      done += size;
      const measuredWork = async () => {
        recorder.into(mode.activityAppend);
        await runConcurrently(
          trajectories(people, size),
          concurrency,
          (t) => runTrajectory(client, t, mode.measured),
          mode.measured.all,
        );
        recorder.into(undefined);
      };
      const baselineWork = () =>
        runConcurrently(
          twins(people, size),
          concurrency,
          (t) => appendTrajectory(store, t, mode.baseline),
          mode.baseline.all,
        );
      // Alternate who goes first, so neither always meets the other's leftovers (checkpoints, autovacuum).
      for (const work of round % 2 === 0 ? [baselineWork, measuredWork] : [measuredWork, baselineWork]) {
        await work();
      }
    }
    log(
      `${mode.label}: ${mode.measured.all.count} commands over HTTP, ${mode.baseline.all.count} baseline appends ` +
        `in ${formatSeconds(performance.now() - phaseStarted)}`,
    );
    for (const kind of [...KINDS, 'all'] as const) {
      rows.push({ measurement: mode.baseline[kind], throughput: kind === 'all' });
    }
    for (const kind of [...KINDS, 'all'] as const) {
      rows.push({
        measurement: mode.measured[kind],
        baseline: mode.baseline[kind],
        throughput: kind === 'all',
      });
    }
    rows.push({ measurement: mode.activityAppend, baseline: mode.baseline.all, throughput: false });
  }
  recorder.restore();
  return rows;
}

function modeMeasurements(label: string): ModeMeasurements {
  const set = (name: (kind: Kind | 'all') => string) =>
    Object.fromEntries(
      [...KINDS, 'all'].map((kind) => [kind, new Measurement(name(kind as Kind | 'all'))]),
    ) as Record<Kind | 'all', Measurement>;
  return {
    label,
    measured: set((kind) => `${kind === 'all' ? 'all 3 commands over HTTP' : ROUTES[kind]}, ${label}`),
    baseline: set((kind) => `EventStore.append ${kind === 'all' ? 'all 3' : kind} (baseline), ${label}`),
    activityAppend: new Measurement(`  of which: append in activity, ${label}`),
  };
}

// ---- the trajectories ------------------------------------------------------------------------------------------

interface BenchTrajectory {
  open: Record<string, unknown>;
  intake: Record<string, unknown>;
  contract: Record<string, unknown>;
}

/** Distinct newcomers (one open trajectory each): born on consecutive days from 1975, serial 1. */
function newcomers(): () => { nationalNumber: string; birthDate: string } {
  const first = calendarDate('1975-01-01');
  let next = 0;
  return () => {
    const birthDate = addDays(first, next);
    next += 1;
    return { nationalNumber: composeNationalNumber(birthDate, 1), birthDate };
  };
}

function trajectories(people: ReturnType<typeof newcomers>, count: number): BenchTrajectory[] {
  return Array.from({ length: count }, () => {
    const person = people();
    return {
      open: {
        ...person,
        givenName: 'Amina',
        familyName: 'Haddad',
        municipality: 'Gent',
        agency: 'IN_GENT',
        counsellorId: ACTOR,
        registeredOn: daysAgo(40),
      },
      intake: { intakeOn: daysAgo(30) },
      contract: { signedOn: daysAgo(20) },
    };
  });
}

/** Request bodies → commands with the API's own DTOs, as its validation pipe does. */
function commandsOf(trajectory: BenchTrajectory, trajectoryId: string): Record<Kind, TrajectoryCommand> {
  return {
    open: plainToInstance(OpenTrajectoryDto, trajectory.open).toCommand(trajectoryId),
    intake: plainToInstance(RecordIntakeDto, trajectory.intake).toCommand(),
    contract: plainToInstance(RecordContractDto, trajectory.contract).toCommand(),
  };
}

/** The baseline's twins: fresh trajectories of other newcomers, their appends decided now, before any timing. */
function twins(people: ReturnType<typeof newcomers>, count: number): Record<Kind, AppendRequest>[] {
  return trajectories(people, count).map((trajectory) => {
    const trajectoryId = randomUUID();
    const commands = commandsOf(trajectory, trajectoryId);
    let state: MaybeTrajectoryState;
    const appends = {} as Record<Kind, AppendRequest>;
    for (const kind of KINDS) {
      const decision = decide(state, commands[kind], { now: Date.now() });
      if (!decision.accepted) throw new Error(`baseline ${kind} rejected: ${decision.rejection.message}`);
      appends[kind] = {
        streamId: trajectoryId,
        expectedVersion: state?.version ?? 0,
        events: decision.events,
        metadata: {
          actor: ACTOR,
          correlationId: randomUUID(),
          causationId: randomUUID(),
          commandType: commands[kind].type,
        },
      };
      state = fold(decision.events, state);
    }
    return appends;
  });
}

async function runTrajectory(
  client: ApiClient,
  trajectory: BenchTrajectory,
  measurements?: Record<Kind | 'all', Measurement>,
): Promise<void> {
  const opened = await timedKind(measurements, 'open', () =>
    client.post('open', '/trajectories', trajectory.open),
  );
  const id = opened.trajectoryId;
  await timedKind(measurements, 'intake', () =>
    client.post('intake', `/trajectories/${id}/intake`, trajectory.intake),
  );
  await timedKind(measurements, 'contract', () =>
    client.post('contract', `/trajectories/${id}/contract`, trajectory.contract),
  );
}

async function appendTrajectory(
  store: EventStore,
  appends: Record<Kind, AppendRequest>,
  measurements?: Record<Kind | 'all', Measurement>,
): Promise<void> {
  for (const kind of KINDS) {
    const result = await timedKind(measurements, kind, () => store.append(appends[kind]));
    if (result.duplicate) throw new Error(`baseline ${kind}: the append was taken for a retry`);
  }
}

async function timedKind<T>(
  measurements: Record<Kind | 'all', Measurement> | undefined,
  kind: Kind,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  measurements?.[kind].samples.push(elapsed);
  measurements?.all.samples.push(elapsed);
  return result;
}

class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: string,
  ) {}

  async post(kind: Kind, path: string, body: unknown): Promise<CommandResult> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.accessToken}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const expected = EXPECTED[kind];
    if (response.status !== expected.status) {
      throw new Error(`${ROUTES[kind]}: HTTP ${response.status} ${text}`);
    }
    const result = JSON.parse(text) as CommandResult;
    if (result.version !== expected.version || result.events.join() !== expected.events.join()) {
      throw new Error(`${ROUTES[kind]}: unexpected answer ${text}`);
    }
    return result;
  }
}

/**
 * Times the worker's `EventStore.append` calls (the activity's): the API, the worker and the bench share this
 * process, so a wrapper on the prototype sees them. The baseline's own store is let through untimed.
 */
function recordActivityAppends(baselineStore: EventStore) {
  const original = EventStore.prototype.append;
  let target: Measurement | undefined;
  EventStore.prototype.append = async function (this: EventStore, request: AppendRequest) {
    if (this === baselineStore || !target) return original.call(this, request);
    const measurement = target;
    const started = performance.now();
    const result = await original.call(this, request);
    measurement.samples.push(performance.now() - started);
    return result;
  };
  return {
    into(measurement: Measurement | undefined) {
      target = measurement;
    },
    restore() {
      EventStore.prototype.append = original;
    },
  };
}

// ---- the table ---------------------------------------------------------------------------------------------------

interface TableRow {
  measurement: Measurement;
  /** Absent for a baseline row itself. */
  baseline?: Measurement;
  /** Whether the row's throughput means something (all commands of a mode, over the wall time). */
  throughput: boolean;
}

function formatTable(rows: TableRow[]): string {
  const header = ['operation', 'count', 'p50 ms', 'p95 ms', 'cmds/s', 'p50 ×base', 'thru ×base'];
  const lines = rows.map(({ measurement: m, baseline, throughput }) => [
    m.name,
    String(m.count),
    m.percentile(50).toFixed(2),
    m.percentile(95).toFixed(2),
    throughput ? m.opsPerSecond.toFixed(1) : '',
    baseline ? `${(m.percentile(50) / baseline.percentile(50)).toFixed(2)}×` : '(baseline)',
    baseline && throughput ? `${(baseline.opsPerSecond / m.opsPerSecond).toFixed(2)}×` : '',
  ]);
  return renderTable(header, lines);
}

// ---- small things ------------------------------------------------------------------------------------------------

/** A calendar date `days` before today in Brussels (the domain's time zone). */
function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
