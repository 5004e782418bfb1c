import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startWorkerProcess, WorkerProcess } from '../support/processes/worker-processes';
import { startTestSystem, TestSystem } from '../support/system';

/** Issue 11 §4: within 5 seconds of a worker's crash, another worker answers its trajectories' commands. */
const TAKEOVER_LIMIT_MS = 5_000;

/**
 * Workers as real processes, killed with SIGKILL (no graceful shutdown, no goodbye to Temporal): the trajectory
 * whose workflow the dead worker had cached (its sticky queue), idle or in the middle of a command, is taken over by
 * another worker within seconds. The client retries at most once with the same Idempotency-Key.
 */
describe('a worker killed with SIGKILL', () => {
  let system: TestSystem;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
    await system.stopWorker();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await system?.database.query(`DROP TRIGGER IF EXISTS takeover_test_slow_append ON events`);
    await system?.close();
  });

  async function start(): Promise<WorkerProcess> {
    const worker = await startWorkerProcess(system.taskQueue);
    workers.push(worker);
    return worker;
  }

  /** Sends a command the way a client should: one retry with the same key if the first answer is 503. */
  async function command(path: string, body: object, key: string) {
    const send = () => system.http().post(path).set('Idempotency-Key', key).send(body);
    const first = await send();
    return first.status === 503 ? { response: await send(), retries: 1 } : { response: first, retries: 0 };
  }

  async function slowAppendsOf(trajectoryId: string): Promise<void> {
    await system.database.query(`
      CREATE OR REPLACE FUNCTION takeover_test_slow_append() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id = '${trajectoryId}' THEN PERFORM pg_sleep(2); END IF;
        RETURN NEW;
      END $$`);
    await system.database.query(
      `CREATE TRIGGER takeover_test_slow_append BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION takeover_test_slow_append()`,
    );
  }

  it('has another worker answer the trajectory within 5 seconds, idle or in the middle of a command', async () => {
    const first = await start();
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(10) }))
      .expect(201);
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(9) })
      .expect(200);
    const second = await start();

    // 1. Idle: the first worker holds the trajectory in its cache and dies; the next command comes after.
    await first.kill('SIGKILL');
    const idleKilledAt = Date.now();
    const idle = await command(
      `/trajectories/${trajectoryId}/contract`,
      { signedOn: daysAgo(8) },
      `contract-${trajectoryId}`,
    );
    const idleTakeoverMs = Date.now() - idleKilledAt;
    expect(idle.response.status).toBe(200);
    expect(idle.response.body).toMatchObject({ version: 5 });
    expect(idle.retries).toBeLessThanOrEqual(1);

    // 2. In flight: the second worker (which now holds it) dies while the command's append runs.
    const third = await start();
    await slowAppendsOf(trajectoryId);
    const key = `vdab-${trajectoryId}`;
    const inFlight = command(
      `/trajectories/${trajectoryId}/vdab-registration`,
      { registeredOn: daysAgo(1), vdabClientReference: 'VDAB-TAKEOVER' },
      key,
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    await second.kill('SIGKILL');
    const inFlightKilledAt = Date.now();
    await system.database.query(`DROP TRIGGER takeover_test_slow_append ON events`);
    const answered = await inFlight;
    const inFlightTakeoverMs = Date.now() - inFlightKilledAt;
    expect(answered.response.status).toBe(200);
    expect(answered.response.body).toMatchObject({
      version: 8,
      events: ['VdabRegistrationRecorded', 'DeadlineMet', 'PillarCompleted'],
    });
    expect(answered.retries).toBeLessThanOrEqual(1);

    console.log(
      `takeover after SIGKILL: idle ${idleTakeoverMs} ms, in flight ${inFlightTakeoverMs} ms ` +
        `(retries with the same key: ${idle.retries}, ${answered.retries})`,
    );
    expect(idleTakeoverMs).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);
    expect(inFlightTakeoverMs).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);

    // Exactly once: every command's events once, in order.
    const stored = await new EventStore(system.database).readStream(trajectoryId);
    expect(stored.map((event) => [event.version, event.type])).toEqual([
      [1, 'TrajectoryOpened'],
      [2, 'IntakeRecorded'],
      [3, 'ContractSigned'],
      [4, 'PillarsDetermined'],
      [5, 'DeadlineSet'],
      [6, 'VdabRegistrationRecorded'],
      [7, 'DeadlineMet'],
      [8, 'PillarCompleted'],
    ]);
    await third.kill('SIGTERM');
  });
});
