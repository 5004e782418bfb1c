import { addDays, addMonths, calendarDate, dueInstant } from '../../libs/domain/src';
import { trajectoryWorkflowId } from '../../workflows/src/definitions';
import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startWorkerProcess, WorkerProcess } from '../support/processes/worker-processes';
import { RestartableTemporal, startRestartableTemporal } from '../support/restartable-temporal';
import { startTestSystem, TestSystem } from '../support/system';
import { armedTimer, recordHistoryIfAsked } from '../support/workflow-histories';

/** A compressed day of the test clock, and how many of them after today the VDAB deadline is due. */
const MS_PER_DAY = 2_500;
const DUE_DAYS_AFTER_TODAY = 3;
/** The deadline falls due this long after the trajectory is opened: (3 + 1) compressed days. */
const DUE_AFTER_OPEN_MS = (DUE_DAYS_AFTER_TODAY + 1) * MS_PER_DAY;

/**
 * Issue 11 §6, with a real timer: the trajectory runs on a compressed deadline clock (TEST_DEADLINE_CLOCKS, refused
 * in production), so its VDAB deadline falls due about 10 seconds after it is opened, on a Temporal timer the
 * workflow sets when the contract is signed. The worker is SIGKILLed before the deadline falls due (and in the second
 * case the Temporal dev server is down when it does); the stack comes back after it fell due. The timer fires, and
 * the miss and its violation file are recorded exactly once, in the events table and in the workflow's state.
 */
describe('a deadline timer that falls due while the stack is down', () => {
  let temporal: RestartableTemporal;
  let system: TestSystem;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    temporal = await startRestartableTemporal();
    system = await startTestSystem({ api: { TEST_DEADLINE_CLOCKS: true } });
    await system.stopWorker();
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await system?.close();
    await temporal?.close();
  }, 60_000);

  async function startWorker(): Promise<WorkerProcess> {
    const worker = await startWorkerProcess(system.taskQueue);
    workers.push(worker);
    return worker;
  }

  async function countOf(trajectoryId: string, type: string): Promise<number> {
    const [row] = await system.database.query(
      `SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type = $2`,
      [trajectoryId, type],
    );
    return row.count;
  }

  /** How many days before today a contract is signed for its two-month VDAB deadline to be due `days` after today. */
  function signedDaysAgoForDueIn(days: number): number {
    const dueOn = addDays(calendarDate(daysAgo(0)), days);
    for (let ago = 50; ago <= 70; ago++) if (addMonths(calendarDate(daysAgo(ago)), 2) === dueOn) return ago;
    throw new Error(`no signing date gives a deadline due on ${dueOn}`);
  }

  /** Opens a trajectory on the compressed clock and signs its contract: its deadline falls due within seconds. */
  async function trajectoryDueSoon(): Promise<{
    trajectoryId: string;
    dueAt: { earliest: number; latest: number };
  }> {
    const signedAgo = signedDaysAgoForDueIn(DUE_DAYS_AFTER_TODAY);
    const beforeOpen = Date.now();
    const { body } = await system
      .http()
      .post('/trajectories')
      .send({
        ...newcomer({ registeredOn: daysAgo(signedAgo + 10) }),
        testDeadlineClock: { msPerDay: MS_PER_DAY },
      })
      .expect(201);
    const afterOpen = Date.now();
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(signedAgo + 5) })
      .expect(200);
    const contract = await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(signedAgo) })
      .expect(200);
    expect(contract.body.events).toEqual(['ContractSigned', 'PillarsDetermined', 'DeadlineSet']);
    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body.deadlines).toEqual([
      expect.objectContaining({
        kind: 'VDAB_REGISTRATION',
        state: 'OPEN',
        dueOn: addDays(calendarDate(daysAgo(0)), DUE_DAYS_AFTER_TODAY),
      }),
    ]);
    const dueAt = { earliest: beforeOpen + DUE_AFTER_OPEN_MS, latest: afterOpen + DUE_AFTER_OPEN_MS };
    // The workflow sleeps on a Temporal timer for the seconds left: not until midnight in Brussels.
    const timer = await armedTimer(system, trajectoryWorkflowId(trajectoryId));
    expect(timer.firesAt).toBeGreaterThanOrEqual(dueAt.earliest - 1_000);
    expect(timer.firesAt).toBeLessThanOrEqual(dueAt.latest + 1_000);
    expect(timer.firesAt).toBeLessThan(dueInstant(calendarDate(view.body.deadlines[0].dueOn)));
    return { trajectoryId, dueAt };
  }

  /** Fails the test as inconclusive when the machine was so slow that the deadline fell due before the crash. */
  function expectStillAhead(dueAt: { earliest: number }): void {
    const msLeft = dueAt.earliest - Date.now();
    if (msLeft <= 0)
      throw new Error(
        `inconclusive: the deadline fell due ${-msLeft} ms before the crash (a machine this slow?)`,
      );
  }

  const pauseUntil = (instant: number) =>
    new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

  async function expectMissedOnce(trajectoryId: string, dueAt: { earliest: number }): Promise<void> {
    const view = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'MISSED' }),
      ]);
      return response.body;
    }, 60_000);
    expect(view.violations).toEqual([
      expect.objectContaining({ kind: 'VDAB_REGISTRATION_DEADLINE_MISSED', state: 'OPEN' }),
    ]);
    const [missed] = await system.database.query(
      `SELECT occurred_at FROM events WHERE stream_id = $1 AND type = 'DeadlineMissed'`,
      [trajectoryId],
    );
    // Recorded by the timer's firing, not before the compressed due instant.
    expect(new Date(missed.occurred_at).getTime()).toBeGreaterThanOrEqual(dueAt.earliest - 1_000);
    const history = await system.temporal.workflow
      .getHandle(trajectoryWorkflowId(trajectoryId))
      .fetchHistory();
    expect((history.events ?? []).filter((event) => event.timerFiredEventAttributes).length).toBe(1);

    // Once more, to be sure nothing lands late: a crash and a new worker must not record it again.
    await new Promise((resolve) => setTimeout(resolve, 2 * MS_PER_DAY));
    await workers.at(-1)!.kill('SIGKILL');
    await startWorker();
    await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
    expect(state.deadlines.map((deadline) => deadline.state)).toEqual(['MISSED']);
    expect(state.violations).toHaveLength(1);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(1);
    expect(await countOf(trajectoryId, 'ViolationOpened')).toBe(1);
    const [{ versions }] = await system.database.query(
      `SELECT array_agg(version ORDER BY version) AS versions FROM events WHERE stream_id = $1`,
      [trajectoryId],
    );
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }

  it('a worker SIGKILLed before the deadline falls due: the next worker records the miss once', async () => {
    const first = await startWorker();
    const { trajectoryId, dueAt } = await trajectoryDueSoon();
    expectStillAhead(dueAt);
    await first.kill('SIGKILL');
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(0);

    // The deadline falls due while no worker runs: nothing can record it.
    await pauseUntil(dueAt.latest + 2_000);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(0);

    await startWorker();
    await expectMissedOnce(trajectoryId, dueAt);
    await recordHistoryIfAsked(
      system,
      trajectoryWorkflowId(trajectoryId),
      'compressed-deadline-clock-missed',
    );
  }, 180_000);

  it('the worker SIGKILLed and the Temporal server down when it falls due: the miss is recorded once', async () => {
    const { trajectoryId, dueAt } = await trajectoryDueSoon();
    expectStillAhead(dueAt);
    await workers.at(-1)!.kill('SIGKILL');
    // Temporal stops before the deadline falls due and starts again on its file after it did.
    await temporal.restart({ downForMs: Math.max(0, dueAt.latest + 2_000 - Date.now()) });
    expect(Date.now()).toBeGreaterThan(dueAt.latest);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(0);

    await startWorker();
    await expectMissedOnce(trajectoryId, dueAt);
  }, 180_000);
});
