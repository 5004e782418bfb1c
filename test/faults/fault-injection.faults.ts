import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkerProcess, WorkerProcess } from '../support/processes/worker-processes';
import { RestartablePostgres, startRestartablePostgres } from '../support/restartable-postgres';
import { RestartableTemporal, startRestartableTemporal } from '../support/restartable-temporal';
import { startTestSystem, TestSystem, workflowBundle } from '../support/system';
import {
  accountForEvents,
  divergingRetries,
  readModelsDifferingFromRebuild,
  workflowsDifferingFromStreams,
} from './invariants';
import { faultSchedule } from './fault-schedule';
import { oneTrajectory, SentCommand } from './load';

/**
 * Issue 11 §7. FAULTS_WORKER_KILLS (default 20), FAULTS_POSTGRES_RESTARTS (default 2) and FAULTS_TEMPORAL_RESTARTS
 * (default 2) set the faults; `npm run test:faults:short` (in `npm test`) injects 4, 1 and 1 under 3 lanes of load.
 */
const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SCHEDULE = faultSchedule({
  workerKills: count('FAULTS_WORKER_KILLS', 20),
  postgresRestarts: count('FAULTS_POSTGRES_RESTARTS', 2),
  temporalRestarts: count('FAULTS_TEMPORAL_RESTARTS', 2),
});
const WORKERS = 2;
/** Trajectories under load at once (FAULTS_LANES). */
const LANES = count('FAULTS_LANES', 6);

/**
 * Continuous mixed load through the API (counsellor-gent and vdab-system, bearer tokens of the embedded provider)
 * while worker processes are SIGKILLed at random moments, a PostgreSQL cluster of the suite's own restarts (the
 * machine's shared server is never touched) and the Temporal dev server restarts on its SQLite file; then the events
 * table, the read models and the workflows are checked against what the clients were answered.
 */
describe('the engine under faults', () => {
  let postgres: RestartablePostgres;
  let temporal: RestartableTemporal;
  let system: TestSystem;
  const workers: WorkerProcess[] = [];
  // Built once: a worker restarted after a crash should not spend its seconds on webpack.
  const bundlePath = join(tmpdir(), `inburgering-faults-bundle-${process.pid}.js`);

  beforeAll(async () => {
    postgres = await startRestartablePostgres();
    temporal = await startRestartableTemporal();
    system = await startTestSystem();
    await system.stopWorker();
    await writeFile(bundlePath, (await workflowBundle()).code);
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await system?.close();
    await temporal?.close();
    await postgres?.close();
  }, 60_000);

  const alive = () =>
    workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const randomBetween = (min: number, max: number) => min + Math.random() * (max - min);

  async function keepWorkers(): Promise<void> {
    while (alive().length < WORKERS)
      workers.push(await startWorkerProcess(system.taskQueue, { WORKFLOW_BUNDLE_PATH: bundlePath }));
  }

  it('loses no event, duplicates none, and its read models and workflows agree with the events', async () => {
    const run = Date.now().toString(36);
    await keepWorkers();
    const started = Date.now();
    const sent: SentCommand[] = [];
    let loadRunning = true;
    let next = 0;
    const lanes = Array.from({ length: LANES }, async () => {
      while (loadRunning) sent.push(...(await oneTrajectory(system, run, next++)));
    });

    const faults = { workerKills: 0, postgresRestarts: 0, temporalRestarts: 0 };
    const verbose = (what: string) => {
      if (process.env.FAULTS_VERBOSE)
        console.log(`${what} at ${(Date.now() - started) / 1000} s, ${sent.length} commands answered`);
    };
    try {
      for (const fault of SCHEDULE) {
        await pause(randomBetween(500, 4_000));
        if (fault === 'worker-kill') {
          const candidates = alive();
          const victim = candidates[Math.floor(Math.random() * candidates.length)];
          await victim.kill('SIGKILL');
          faults.workerKills += 1;
          verbose(`worker kill ${faults.workerKills}`);
        } else if (fault === 'postgres-restart') {
          await postgres.restart();
          faults.postgresRestarts += 1;
          verbose(`PostgreSQL restart ${faults.postgresRestarts}`);
        } else {
          await temporal.restart();
          faults.temporalRestarts += 1;
          verbose(`Temporal restart ${faults.temporalRestarts}`);
        }
        await keepWorkers();
      }
    } finally {
      loadRunning = false;
      await Promise.all(lanes);
    }
    const loadSeconds = (Date.now() - started) / 1000;
    const checksStarted = Date.now();

    const answered2xx = sent.filter((command) => command.status < 300);
    const answered4xx = sent.filter((command) => command.status >= 400);
    const trajectoryIds = [
      ...new Set(sent.flatMap((command) => (command.status === 201 ? [command.answer.trajectoryId!] : []))),
    ];
    const accounting = await accountForEvents(system, sent);
    const diverging = await divergingRetries(system, sent);
    const workflowsDiffering = await workflowsDifferingFromStreams(system, trajectoryIds);
    const readModelsDiffering = await readModelsDifferingFromRebuild(system);
    const longestUnavailableS =
      Math.max(0, ...sent.map((command) => Math.max(command.unavailableMs, command.latencyMs))) / 1000;
    const longestFailingS = Math.max(0, ...sent.map((command) => command.unavailableMs)) / 1000;
    const retried = sent.filter((command) => command.attempts > 1).length;
    const checkSeconds = (Date.now() - checksStarted) / 1000;

    console.log(
      [
        `fault injection over ${loadSeconds.toFixed(0)} s, ${LANES} lanes, ${trajectoryIds.length} trajectories ` +
          `(checks afterwards: ${checkSeconds.toFixed(0)} s):`,
        `  commands sent: ${sent.length} (2xx ${answered2xx.length}, 4xx ${answered4xx.length}; retried: ${retried})`,
        `  faults injected: ${faults.workerKills + faults.postgresRestarts + faults.temporalRestarts} ` +
          `(worker SIGKILLs ${faults.workerKills}, PostgreSQL restarts ${faults.postgresRestarts}, ` +
          `Temporal restarts ${faults.temporalRestarts})`,
        `  events lost: ${accounting.lost}`,
        `  events duplicated: ${accounting.duplicated}`,
        `  events of refused commands: ${accounting.ofRefused}`,
        `  retries with the same key that diverged: ${diverging.length}`,
        `  read-model tables differing from a rebuild: ${readModelsDiffering.length}`,
        `  workflows differing from their stream: ${workflowsDiffering.length}`,
        `  longest unavailability: ${longestUnavailableS.toFixed(1)} s (longest command from first send to answer; ` +
          `of which answering 5xx or not at all: ${longestFailingS.toFixed(1)} s)`,
      ].join('\n'),
    );

    expect(answered2xx.length).toBeGreaterThan(0);
    expect(answered4xx.length).toBeGreaterThan(0);
    expect(accounting).toEqual({ lost: 0, duplicated: 0, ofRefused: 0, gaps: [] });
    expect(diverging).toEqual([]);
    expect(readModelsDiffering).toEqual([]);
    expect(workflowsDiffering).toEqual([]);
  }, 900_000);
});
