import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { addDays, calendarDate, composeNationalNumber } from '../libs/domain/src';
import { AppendRequest, EventStore } from '../libs/store/src';
import type { CommandResult } from '../workflows/src/definitions';
import { BareTemporal, startBareTemporal } from './command-path-bare';
import { CommandPathSystem, startCommandPathSystem } from './command-path-system';
import { clientMark, installTrace, traceOn, traceSummary } from './command-path-trace';
import { CpuAccount, CpuSeconds } from './process-cpu';
import {
  formatSeconds,
  log,
  Measurement,
  positiveInteger,
  renderTable,
  runConcurrently,
  timed,
} from './measure';

/**
 * The full command path against bare Temporal, measured in the same run:
 *
 * - measured: an HTTP request (Node's fetch, keep-alive, to the real NestJS API on 127.0.0.1) → the API's
 *   pre-check → a Temporal Update (update-with-start for the open) on an in-memory Temporal dev server → the
 *   trajectory workflow's validator and `decide` → the append (local) activity → `EventStore.append` in PostgreSQL
 *   → the answer back over HTTP. Per trajectory: POST /trajectories, then POST /trajectories/:id/intake and
 *   POST /trajectories/:id/contract, with the bodies of test/trajectory/trajectory-slice.test.ts and dates in the
 *   past. Each trajectory is a distinct newcomer.
 * - baseline: bare Temporal (bench/command-path-bare.ts): a no-op workflow with an update handler, the same SDK,
 *   the same dev server, the same process: update-with-start of a fresh workflow for the open, an update on a
 *   running workflow for the other commands.
 * - the floors of the design, on the same bare workflows and in the same rounds: the update awaiting a local
 *   activity that does nothing, and one that commits one row (one INSERT, its own transaction). What a command
 *   that appends in a local activity inside its update cannot go below, whatever the append and the API cost.
 *
 * At each concurrency of BENCH_COMMAND_CONCURRENCIES (default 1,8,32,64): opens, then the commands on the opened
 * trajectories, each phase in rounds that alternate with the baseline's (who goes first alternates too), so drift
 * on a noisy machine hits both alike. Ratios: thru = our commands/s ÷ bare's (goal ≥ 0.8), p99 = our p99 ÷ bare's
 * (goal ≤ 2), p50 = our p50 ÷ bare's (goal for one command alone ≤ 1.5).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:commands
 *   (without DATABASE_URL: an embedded PostgreSQL cluster in a temporary directory)
 *
 * Sizes: BENCH_COMMAND_TRAJECTORIES (per concurrency, at least 2 × the concurrency; default 64).
 * BENCH_COMMAND_TRACE=1: at concurrency 1, the median time of each segment of a command (HTTP and guard, the hops
 * through Temporal, the workflow's activations, the append, the audit entry; bench/command-path-trace.ts). The
 * wrappers cost a little: compare ratios of traced runs with traced runs only.
 */

const config = {
  trajectories: positiveInteger('BENCH_COMMAND_TRAJECTORIES', 64),
  concurrencies: (process.env.BENCH_COMMAND_CONCURRENCIES ?? '1,8,32,64')
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value) && value > 0),
  warmupTrajectories: 8,
  /** Rounds per phase: measured and baseline alternate this many times. */
  rounds: 4,
  trace: Boolean(process.env.BENCH_COMMAND_TRACE),
};

const ACTOR = 'counsellor-17';
type Kind = 'open' | 'intake' | 'contract';
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
  let bare: BareTemporal | undefined;
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
  if (config.trace) installTrace();
  try {
    system = await startCommandPathSystem(4, log);
    bare = await startBareTemporal(system.temporal, (sql, parameters) =>
      system!.database.dataSource.query(sql, parameters),
    );
    log(system.description);
    log(
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); ` +
        `concurrency ${config.concurrencies.join(', ')}; per concurrency max(${config.trajectories}, 2 × it) ` +
        `trajectories × 3 commands, the same number of bare update-with-starts and 2 × as many bare updates`,
    );
    if (!stopRequested) {
      const rows = await benchmark(system, bare);
      console.log(`\n${formatTable(rows)}\n`);
      console.log(`CPU per command (this process, the Temporal server, the database's backends):\n`);
      console.log(`${formatCpuTable(rows)}\n`);
      console.log(
        'thru ×bare = commands/s ÷ bare commands/s (goal ≥ 0.80); p99 ×bare = p99 ÷ bare p99 (goal ≤ 2); ' +
          'p50 ×bare = p50 ÷ bare p50 (goal at concurrency 1 ≤ 1.5). Bare: a no-op workflow with an update ' +
          'handler on the same dev server and SDK (open ↔ update-with-start, command ↔ update). ' +
          '"append in activity" = EventStore.append as the worker ran it during the measured commands. ' +
          '"bare update + local activity (+ 1 committed row)": the bare update awaiting a local activity that does ' +
          'nothing (that commits one row): the floor of appending in a local activity, against the bare update.',
      );
      console.log(`client retries after a 503 (same Idempotency-Key): ${retriesAfter503}`);
    }
  } finally {
    const stopping = performance.now();
    await bare?.close().catch((error: unknown) => log(`bare worker: ${(error as Error).message}`));
    await system?.close();
    log(
      `shut down in ${formatSeconds(performance.now() - stopping)}; done in ${formatSeconds(performance.now() - started)}`,
    );
  }
}

async function benchmark(system: CommandPathSystem, bare: BareTemporal): Promise<TableRow[]> {
  const store = new EventStore(system.database.dataSource);
  const client = new ApiClient(system.baseUrl, system.accessToken);
  const people = newcomers();
  const recorder = recordActivityAppends(store);

  // Warm-up: HTTP connections, gRPC channels, workflow cache and V8, pools, prepared plans; not measured.
  const warmupStarted = performance.now();
  await runConcurrently(trajectories(people, config.warmupTrajectories), 4, (t) => runTrajectory(client, t));
  const warm: string[] = [];
  await runConcurrently(range(config.warmupTrajectories), 4, async () => {
    warm.push(await bare.updateWithStart());
  });
  await runConcurrently(warm, 4, (id) => bare.update(id));
  log(`warm-up in ${formatSeconds(performance.now() - warmupStarted)}`);

  // CPU per part of the system, per kind of work: the rounds of each kind run one at a time.
  const backendPids = async () =>
    (
      await system.database.dataSource.query<{ pid: number }[]>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
      )
    ).map(({ pid }) => pid);
  const cpuAccount = () => new CpuAccount(system.temporal.pid, backendPids);

  const rows: TableRow[] = [];
  for (const concurrency of config.concurrencies) {
    if (stopRequested) break;
    const count = Math.max(config.trajectories, 2 * concurrency);
    const label = `c=${concurrency}`;
    const phaseStarted = performance.now();
    const opens = new Measurement(`${label} ${ROUTES.open}`);
    const bareOpens = new Measurement(`${label} bare update-with-start`);
    const commands = new Measurement(`${label} intake + contract`);
    const bareCommands = new Measurement(`${label} bare update`);
    const localActivityFloor = new Measurement(`${label}   bare update + local activity`);
    const committedRowFloor = new Measurement(`${label}   bare update + local activity + 1 committed row`);
    const appends = new Measurement(`${label}   append in activity`);
    const cpu = new Map<Measurement, CpuAccount>(
      [opens, bareOpens, commands, bareCommands, localActivityFloor, committedRowFloor].map((measurement) => [
        measurement,
        cpuAccount(),
      ]),
    );
    const measured = (measurement: Measurement, work: () => Promise<unknown>) =>
      cpu.get(measurement)!.during(work);
    const planned = trajectories(people, count);
    const opened: { trajectory: BenchTrajectory; id: string }[] = [];
    const bareIds: string[] = [];
    const chunks = chunk(planned, Math.ceil(count / config.rounds));

    recorder.into(appends);
    traceOn(config.trace && concurrency === 1);
    for (const [round, items] of chunks.entries()) {
      const ours = () =>
        measured(opens, () =>
          runConcurrently(
            items,
            concurrency,
            async (trajectory) => {
              const result = await timed(opens, () => client.post('open', '/trajectories', trajectory.open));
              opened.push({ trajectory, id: result.trajectoryId });
            },
            opens,
          ),
        );
      const theirs = () =>
        measured(bareOpens, () =>
          runConcurrently(
            range(items.length),
            concurrency,
            async () => {
              bareIds.push(await timed(bareOpens, () => bare.updateWithStart()));
            },
            bareOpens,
          ),
        );
      for (const work of round % 2 === 0 ? [theirs, ours] : [ours, theirs]) await work();
      if (stopRequested) break;
    }
    // Two commands per trajectory, in order per trajectory (intake before contract), spread over the workers.
    const commandRounds = chunk(opened, Math.ceil(opened.length / config.rounds));
    const bareRounds = chunk(bareIds, Math.ceil(bareIds.length / config.rounds));
    for (const [round, items] of commandRounds.entries()) {
      const ours = async () => {
        for (const kind of ['intake', 'contract'] as const) {
          await measured(commands, () =>
            runConcurrently(
              items,
              concurrency,
              async ({ trajectory, id }) => {
                await timed(commands, () =>
                  client.post(kind, `/trajectories/${id}/${kind}`, trajectory[kind]),
                );
              },
              commands,
            ),
          );
        }
      };
      const theirs = async () => {
        for (let repeat = 0; repeat < 2; repeat += 1) {
          await measured(bareCommands, () =>
            runConcurrently(
              bareRounds[round] ?? [],
              concurrency,
              async (id) => {
                await timed(bareCommands, () => bare.update(id));
              },
              bareCommands,
            ),
          );
        }
      };
      // The floors of appending in a local activity, on the bare workflows, in the same rounds.
      const floors = async () => {
        for (const [floor, send] of [
          [localActivityFloor, (id: string) => bare.updateWithLocalActivity(id)],
          [committedRowFloor, (id: string) => bare.updateCommittingRow(id)],
        ] as const) {
          await measured(floor, () =>
            runConcurrently(
              bareRounds[round] ?? [],
              concurrency,
              async (id) => {
                await timed(floor, () => send(id));
              },
              floor,
            ),
          );
        }
      };
      const order = round % 2 === 0 ? [theirs, floors, ours] : [ours, floors, theirs];
      for (const work of order) await work();
      if (stopRequested) break;
    }
    recorder.into(undefined);
    if (config.trace && concurrency === 1) {
      traceOn(false);
      console.log(`\nc=1, where a command's time goes (bench/command-path-trace.ts):\n${traceSummary()}`);
    }
    log(
      `${label}: ${opens.count + commands.count} commands over HTTP, ` +
        `${bareOpens.count + bareCommands.count} bare updates in ${formatSeconds(performance.now() - phaseStarted)}`,
    );
    const cpuOf = (measurement: Measurement) => cpu.get(measurement)!.spent;
    rows.push({ measurement: opens, bare: bareOpens, cpu: cpuOf(opens), bareCpu: cpuOf(bareOpens) });
    rows.push({
      measurement: commands,
      bare: bareCommands,
      cpu: cpuOf(commands),
      bareCpu: cpuOf(bareCommands),
    });
    rows.push({ measurement: appends });
    for (const floor of [localActivityFloor, committedRowFloor])
      rows.push({ measurement: floor, bare: bareCommands, cpu: cpuOf(floor), bareCpu: cpuOf(bareCommands) });
  }
  recorder.restore();
  return rows;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += Math.max(1, size))
    chunks.push(items.slice(index, index + Math.max(1, size)));
  return chunks;
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

async function runTrajectory(client: ApiClient, trajectory: BenchTrajectory): Promise<void> {
  const opened = await client.post('open', '/trajectories', trajectory.open);
  const id = opened.trajectoryId;
  await client.post('intake', `/trajectories/${id}/intake`, trajectory.intake);
  await client.post('contract', `/trajectories/${id}/contract`, trajectory.contract);
}

/** Counts the client's retries: one retry with the same Idempotency-Key after a 503, as the API asks. */
let retriesAfter503 = 0;

class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: string,
  ) {}

  async post(kind: Kind, path: string, body: unknown): Promise<CommandResult> {
    const idempotencyKey = randomUUID();
    const send = () =>
      fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.accessToken}`,
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify(body),
      });
    let response = await send();
    clientMark('client response headers');
    if (response.status === 503) {
      retriesAfter503 += 1;
      await response.text();
      response = await send();
    }
    const text = await response.text();
    clientMark('client body read');
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
  /** The bare-Temporal counterpart, measured in the same rounds. */
  bare?: Measurement;
  /** CPU seconds the rounds of each took, per part of the system. */
  cpu?: CpuSeconds;
  bareCpu?: CpuSeconds;
}

/**
 * CPU ms per command, per part, against bare's: on two cores shared by all parts, throughput follows the total
 * (a command that costs four times bare's CPU cannot pass a quarter of bare's rate once the cores are busy).
 */
function formatCpuTable(rows: TableRow[]): string {
  const header = [
    'operation',
    'node ms',
    'temporal ms',
    'postgres ms',
    'total ms',
    'bare total ms',
    'total ×bare',
  ];
  const perCommand = (cpu: CpuSeconds, count: number) => ({
    node: (1000 * cpu.node) / count,
    temporal: (1000 * cpu.temporal) / count,
    postgres: (1000 * cpu.postgres) / count,
    total: (1000 * (cpu.node + cpu.temporal + cpu.postgres)) / count,
  });
  const lines = rows.flatMap(({ measurement: m, bare: b, cpu, bareCpu }) => {
    if (!cpu || !bareCpu || !b || !m.count || !b.count) return [];
    const ours = perCommand(cpu, m.count);
    const theirs = perCommand(bareCpu, b.count);
    return [
      [
        m.name,
        ours.node.toFixed(1),
        ours.temporal.toFixed(1),
        ours.postgres.toFixed(1),
        ours.total.toFixed(1),
        theirs.total.toFixed(1),
        (ours.total / theirs.total).toFixed(2),
      ],
    ];
  });
  return renderTable(header, lines);
}

function formatTable(rows: TableRow[]): string {
  const header = [
    'operation',
    'count',
    'p50 ms',
    'p99 ms',
    'cmds/s',
    'bare p50',
    'bare p99',
    'bare /s',
    'thru ×bare',
    'p99 ×bare',
    'p50 ×bare',
  ];
  const lines = rows.map(({ measurement: m, bare: b }) => [
    m.name,
    String(m.count),
    m.percentile(50).toFixed(1),
    m.percentile(99).toFixed(1),
    b ? m.opsPerSecond.toFixed(1) : '',
    b ? b.percentile(50).toFixed(1) : '',
    b ? b.percentile(99).toFixed(1) : '',
    b ? b.opsPerSecond.toFixed(1) : '',
    b ? (m.opsPerSecond / b.opsPerSecond).toFixed(2) : '',
    b ? (m.percentile(99) / b.percentile(99)).toFixed(2) : '',
    b ? (m.percentile(50) / b.percentile(50)).toFixed(2) : '',
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
