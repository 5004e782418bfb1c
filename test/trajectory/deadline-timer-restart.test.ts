import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startWorkerProcess, WorkerProcess } from '../support/processes/worker-processes';
import { RestartableTemporal, startRestartableTemporal } from '../support/restartable-temporal';
import { startTestSystem, TestSystem } from '../support/system';

/** The application_name of an append held in the test trigger's sleep (see slowMissOf). */
const SLEEPING_APPEND = 'timer-test-slow-miss';

/**
 * Issue 11 §6: a deadline falls due while the stack is being torn down. The contract is signed with backdated facts
 * (100 days ago: its two-month VDAB deadline has passed), so the workflow records the miss seconds after it answers;
 * the worker is SIGKILLed while that append is in PostgreSQL (which aborts it on the dead client, or commits it with the
 * activity's completion lost), and the Temporal dev server is restarted on its SQLite
 * file before a new worker comes. The miss and its violation file must be in the events table exactly once.
 */
describe('a deadline that falls due while the worker and Temporal restart', () => {
  let temporal: RestartableTemporal;
  let system: TestSystem;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    temporal = await startRestartableTemporal();
    system = await startTestSystem();
    await system.stopWorker();
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await system?.database.query(`DROP TRIGGER IF EXISTS timer_test_slow_miss ON events`);
    await system?.close();
    await temporal?.close();
  }, 60_000);

  async function startWorker(): Promise<WorkerProcess> {
    const worker = await startWorkerProcess(system.taskQueue);
    workers.push(worker);
    return worker;
  }

  /** Holds the append of the stream's DeadlineMissed in its transaction for `seconds`. */
  async function slowMissOf(trajectoryId: string, seconds: number): Promise<void> {
    await system.database.query(`
      CREATE OR REPLACE FUNCTION timer_test_slow_miss() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id = '${trajectoryId}' AND NEW.type = 'DeadlineMissed' THEN
          -- Named for appendsSleeping until the transaction ends, whatever statement the append sends.
          PERFORM set_config('application_name', '${SLEEPING_APPEND}', true);
          PERFORM pg_sleep(${seconds});
        END IF;
        RETURN NEW;
      END $$`);
    await system.database.query(
      `CREATE TRIGGER timer_test_slow_miss BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION timer_test_slow_miss()`,
    );
  }

  /** Appends of events held in the trigger's sleep right now. */
  async function appendsSleeping(): Promise<number> {
    const [{ sleeping }] = await system.database.query(
      `SELECT count(*)::int AS sleeping FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event = 'PgSleep' AND application_name = $1`,
      [SLEEPING_APPEND],
    );
    return sleeping;
  }

  async function countOf(trajectoryId: string, type: string): Promise<number> {
    const [row] = await system.database.query(
      `SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type = $2`,
      [trajectoryId, type],
    );
    return row.count;
  }

  it('records the miss and opens the violation exactly once', async () => {
    const first = await startWorker();
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(120) }))
      .expect(201);
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(110) })
      .expect(200);

    await slowMissOf(trajectoryId, 5);
    const contract = await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(100) })
      .expect(200);
    expect(contract.body.events).toEqual(['ContractSigned', 'PillarsDetermined', 'DeadlineSet']);

    // The deadline is due: wait until the workflow's append of the miss is waiting in the trigger (a fixed second
    // was not always enough on a busy machine: the worker was killed before it appended anything).
    await eventually(async () => expect(await appendsSleeping()).toBe(1), 20_000, 50);
    await first.kill('SIGKILL');
    await system.database.query(`DROP TRIGGER timer_test_slow_miss ON events`);
    // Without its client the append ends one way or the other: PostgreSQL's dead-client check (every second, see
    // libs/store/src/data-source.ts) aborts it, or it commits if it finished first. Either way whoever takes over
    // must end with the miss recorded once: recorded now, or recognised as done when it was committed.
    await eventually(async () => expect(await appendsSleeping()).toBe(0), 20_000);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBeLessThanOrEqual(1);

    await temporal.restart();
    await startWorker();

    const view = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'MISSED' }),
      ]);
      return response.body;
    }, 90_000);
    expect(view.violations).toEqual([
      expect.objectContaining({ kind: 'VDAB_REGISTRATION_DEADLINE_MISSED', state: 'OPEN' }),
    ]);

    // Once more, to be sure nothing lands late: a second restart of everything must not record it again.
    await workers.at(-1)!.kill('SIGKILL');
    await temporal.restart();
    await startWorker();
    await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    // A query needs a worker polling: the restarted Temporal refuses it ("no poller seen") until the new worker's first
    // poll, which a busy machine delays.
    await eventually(() => expectWorkflowMatchesEventStore(system, trajectoryId), 90_000);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(1);
    expect(await countOf(trajectoryId, 'ViolationOpened')).toBe(1);
    const [{ versions }] = await system.database.query(
      `SELECT array_agg(version ORDER BY version) AS versions FROM events WHERE stream_id = $1`,
      [trajectoryId],
    );
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 300_000);
});
