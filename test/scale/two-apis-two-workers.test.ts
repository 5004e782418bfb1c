import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accountForEvents,
  readModelsDifferingFromFold,
  workflowsDifferingFromStreams,
} from '../faults/invariants';
import { sendCommand, SentCommand } from '../faults/load';
import { daysAgo, newcomer } from '../support/newcomers';
import { ApiProcess, startApiProcess } from '../support/processes/api-processes';
import { startWorkerProcess, WorkerProcess } from '../support/processes/worker-processes';
import { bundleTrajectoryWorkflows } from '../../apps/worker/src/workflow-bundle';
import { httpClientOf, startTestClients, TestClients } from '../support/clients';

/** Trajectories under load at once, each through both APIs. */
const TRAJECTORIES = 8;
/** Participation activities logged at once on each trajectory, alternately through each API. */
const ACTIVITIES = 4;

/**
 * Issue 7 §6: past one machine. Two worker processes and two API processes against one Temporal server and one
 * PostgreSQL, as a deployment with several of each runs: commands sent at once through both APIs, to different
 * trajectories and to the same one (also the same command, with the same Idempotency-Key, through both), are served
 * by both APIs and both workers, and each trajectory still has one writer: its versions are 1..n, every accepted
 * command's events are stored once, and its stored state, read models and workflow agree with the fold of its events.
 */
describe('two APIs and two workers on one Temporal server', () => {
  let system: TestClients;
  const workers: WorkerProcess[] = [];
  const apis: ApiProcess[] = [];
  const bundlePath = join(tmpdir(), `inburgering-scale-bundle-${process.pid}.js`);
  let startupSeconds = 0;

  beforeAll(async () => {
    const startedAt = Date.now();
    system = await startTestClients();
    // The APIs start while the workflows are bundled for the workers; each process is kept as it comes up, so
    // that afterAll stops it even when another one failed.
    const apisStarting = Promise.all(
      [0, 1].map(() => startApiProcess(system.taskQueue).then((api) => apis.push(api))),
    );
    apisStarting.catch(() => undefined);
    await writeFile(bundlePath, (await bundleTrajectoryWorkflows()).code);
    await Promise.all([
      ...[0, 1].map(() =>
        startWorkerProcess(system.taskQueue, { WORKFLOW_BUNDLE_PATH: bundlePath }).then((worker) =>
          workers.push(worker),
        ),
      ),
      apisStarting,
    ]);
    startupSeconds = (Date.now() - startedAt) / 1000;
  }, 180_000);
  afterAll(async () => {
    await Promise.all([...workers, ...apis].map((child) => child.kill('SIGTERM')));
    await system?.close();
    await rm(bundlePath, { force: true });
  }, 60_000);

  it('spreads the commands over both APIs and both workers, and keeps one writer per trajectory', async () => {
    const run = randomUUID().slice(0, 8);
    const clients = apis.map((api) => ({ http: httpClientOf(api.baseUrl, system.token) }));
    const sent: (SentCommand & { api: number })[] = [];
    const send = async (api: number, path: string, body: object, key: string) => {
      const command = await sendCommand(clients[api]!, 'counsellor-gent', path, body, `scale-${run}-${key}`);
      sent.push({ ...command, api });
      return command;
    };
    const activity = (hours: number) => ({
      kind: 'BUDDY',
      hours,
      startedOn: daysAgo(5),
      endedOn: daysAgo(4),
      organisation: 'Vzw De Buurt',
    });
    const started = Date.now();

    // Different trajectories at once, each command of a trajectory through the other API than the one before.
    const trajectoryIds = await Promise.all(
      Array.from({ length: TRAJECTORIES }, async (_, lane) => {
        const api = lane % 2;
        const opened = await send(
          api,
          '/trajectories',
          newcomer({ registeredOn: daysAgo(10) }),
          `${lane}-open`,
        );
        const id = opened.answer.trajectoryId!;
        await send(1 - api, `/trajectories/${id}/intake`, { intakeOn: daysAgo(9) }, `${lane}-intake`);
        await send(api, `/trajectories/${id}/contract`, { signedOn: daysAgo(8) }, `${lane}-contract`);
        return id;
      }),
    );
    // The same trajectory from both APIs at once; one of its commands twice, with one key, through both.
    await Promise.all(
      trajectoryIds.flatMap((id, lane) => [
        ...Array.from({ length: ACTIVITIES }, (_, index) =>
          send(
            index % 2,
            `/trajectories/${id}/participation/activities`,
            activity(index + 1),
            `${lane}-a${index}`,
          ),
        ),
        ...[0, 1].map((api) =>
          send(api, `/trajectories/${id}/participation/activities`, activity(0.5), `${lane}-twice`),
        ),
      ]),
    );
    const loadSeconds = (Date.now() - started) / 1000;

    // (a) served by both APIs, executed by both workers (the identity that completed each workflow task).
    const answeredBy = [0, 1].map((api) =>
      sent.filter((command) => command.api === api && command.status < 300),
    );
    const tasksBy = new Map<string, number>();
    const histories = { events: 0, bytes: 0 };
    for (const id of trajectoryIds) {
      const handle = system.temporal.workflow.getHandle(`trajectory-${id}`);
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
      histories.events += description.historyLength;
      histories.bytes += description.historySize ?? 0;
      for (const event of history.events ?? []) {
        const identity = event.workflowTaskCompletedEventAttributes?.identity;
        if (identity) tasksBy.set(identity, (tasksBy.get(identity) ?? 0) + 1);
      }
    }
    const tasksOf = (worker: WorkerProcess) =>
      [...tasksBy]
        .filter(([identity]) => identity.startsWith(`${worker.pid}@`))
        .reduce((sum, [, n]) => sum + n, 0);

    // (b) one writer per trajectory.
    const accounting = await accountForEvents(system, sent, trajectoryIds);
    const readModelsDiffering = await readModelsDifferingFromFold(system.database, trajectoryIds);
    const workflowsDiffering = await workflowsDifferingFromStreams(system, trajectoryIds);
    const [stored] = await system.database.query<{ events: number; bytes: number; metadata: number }[]>(
      `SELECT count(*)::int AS events, avg(pg_column_size(e.*))::int AS bytes,
              avg(pg_column_size(metadata))::int AS metadata FROM events e WHERE stream_id = ANY($1)`,
      [trajectoryIds],
    );
    const twice = trajectoryIds.map((_, lane) =>
      sent.filter((command) => command.key.endsWith(`-${lane}-twice`)),
    );

    console.log(
      `two APIs, two workers (started in ${startupSeconds.toFixed(1)} s): ${sent.length} commands over ${TRAJECTORIES} trajectories in ` +
        `${loadSeconds.toFixed(1)} s (${(sent.length / loadSeconds).toFixed(1)} commands/s); answered by the APIs ` +
        `${answeredBy.map((answers) => answers.length).join(' and ')}; workflow tasks completed by the workers ` +
        `${workers.map(tasksOf).join(' and ')}; per trajectory ${stored!.events / TRAJECTORIES} events ` +
        `(a row ${stored!.bytes} bytes, of which metadata ${stored!.metadata}) and a Temporal history of ` +
        `${histories.events / TRAJECTORIES} events, ${Math.round(histories.bytes / TRAJECTORIES)} bytes`,
    );
    expect(sent.filter((command) => command.status >= 300)).toEqual([]);
    expect(answeredBy.map((answers) => answers.length)).toEqual([sent.length / 2, sent.length / 2]);
    expect(workers.map(tasksOf).every((tasks) => tasks > 0)).toBe(true);
    expect(workers.map(tasksOf).reduce((a, b) => a + b)).toBe([...tasksBy.values()].reduce((a, b) => a + b));
    for (const [first, second] of twice) expect(second!.answer).toEqual(first!.answer);
    expect(accounting).toEqual({ lost: 0, duplicated: 0, ofRefused: 0, gaps: [] });
    // Commands on one trajectory were applied one after the other: each key answered with a version of its own.
    for (const id of trajectoryIds) {
      const commands = sent.filter(
        (command) => (command.answer.trajectoryId ?? command.path.split('/')[2]) === id,
      );
      const versionByKey = new Map(commands.map((command) => [command.key, command.answer.version]));
      expect(versionByKey.size).toBe(3 + ACTIVITIES + 1);
      expect(new Set(versionByKey.values()).size).toBe(versionByKey.size);
    }
    expect(readModelsDiffering).toEqual([]);
    expect(workflowsDiffering).toEqual([]);
  }, 120_000);
});
