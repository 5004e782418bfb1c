import { randomUUID } from 'node:crypto';
import { createLogger } from '../../libs/logging/src';
import { addDays, addMonths, calendarDate, decide, TrajectoryCommand } from '../../libs/domain/src';
import { EventStore, enqueueRecoveries, enqueueWorkflowStarts, readFoldedStream } from '../../libs/store/src';
import { RunningWorkflowStarter, startWorkflowStarter } from '../../apps/worker/src/starter/workflow-starter';
import { trajectoriesWithoutRunningWorkflow } from '../../scripts/workflows/restart-workflows';
import { trajectoryWorkflowId } from '../../workflows/src/definitions';
import { startFromStreamOptions, TRAJECTORY_WORKFLOW_TYPE } from '../../workflows/src/start-from-stream';
import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { armedTimer, recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * Issue 7 §2: a trajectory's workflow is not its stream's only writer. Bulk writers append through the domain at
 * the stream's version, directly into the store (as these tests do); the workflow catches up with their events and
 * decides again, and it can start from its stream (the starter, a command, a restart from the legal record).
 */
describe('a trajectory workflow beside other writers of its stream', () => {
  let system: TestSystem;
  let store: EventStore;

  beforeAll(async () => {
    system = await startTestSystem({ api: { TEST_DEADLINE_CLOCKS: true } });
    store = new EventStore(system.database);
  });
  afterAll(() => system?.close());

  /** What a bulk writer does: decide on the stream's folded state, append at its version. */
  async function appendDirectly(trajectoryId: string, command: TrajectoryCommand, idempotencyKey?: string) {
    const state = await readFoldedStream(system.database, trajectoryId);
    const decision = decide(state, command, { now: Date.now() });
    if (!decision.accepted) throw new Error(decision.rejection.message);
    await store.append({
      streamId: trajectoryId,
      expectedVersion: state?.version ?? 0,
      events: decision.events,
      metadata: {
        actor: 'system:bulk-writer',
        commandType: command.type,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      },
    });
  }

  /** A trajectory opened (with intake and contract) by a bulk writer: no workflow runs for it. */
  async function openedDirectly(signedOn: string): Promise<string> {
    const trajectoryId = randomUUID();
    const { nationalNumber, givenName, familyName, birthDate, municipality } = newcomer();
    await appendDirectly(
      trajectoryId,
      {
        type: 'OpenTrajectory',
        trajectoryId,
        newcomer: { nationalNumber, givenName, familyName, birthDate, municipality },
        agency: 'IN_GENT',
        registeredOn: daysAgo(120),
      },
      `open-${trajectoryId}`,
    );
    await appendDirectly(
      trajectoryId,
      { type: 'RecordIntake', intakeOn: daysAgo(110) },
      `intake-${trajectoryId}`,
    );
    await appendDirectly(trajectoryId, { type: 'RecordContract', signedOn });
    return trajectoryId;
  }

  async function countOf(trajectoryId: string, type: string): Promise<number> {
    const [row] = await system.database.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type = $2',
      [trajectoryId, type],
    );
    return row.count;
  }

  /** A worker restarted under load takes its sticky queue's and a task's timeout before it resumes a workflow. */
  const RESUMED_WITHIN_MS = 60_000;

  async function pendingStart(trajectoryId: string): Promise<boolean> {
    const rows = await system.database.query(
      'SELECT 1 FROM pending_workflow_starts WHERE trajectory_id = $1',
      [trajectoryId],
    );
    return rows.length > 0;
  }

  it('catches up with events written beside it and decides a command on the new state', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(20) }))
      .expect(201);
    const { trajectoryId } = body;
    // A bulk writer records the intake: on the workflow's state the contract would be refused (no intake yet).
    await appendDirectly(trajectoryId, { type: 'RecordIntake', intakeOn: daysAgo(10) });
    const contract = await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(5) })
      .expect(200);
    expect(contract.body.version).toBeGreaterThanOrEqual(3);

    // A VDAB registration linked in bulk; the counsellor's own registration is decided on the caught-up state.
    await appendDirectly(trajectoryId, {
      type: 'RecordVdabRegistration',
      registeredOn: daysAgo(1),
      vdabClientReference: 'VDAB-BULK-1',
    });
    const second = await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(0), vdabClientReference: 'VDAB-COUNSELLOR-2' })
      .expect(409);
    expect(second.body.detail ?? second.body.message).toContain('VDAB-BULK-1');
    const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
    expect(state.vdabRegistration?.vdabClientReference).toBe('VDAB-BULK-1');
    await recordHistoryIfAsked(system, trajectoryWorkflowId(trajectoryId), 'stream-catch-up-command');
  });

  it('records no miss of a deadline met meanwhile by a registration written beside the workflow', async () => {
    // The compressed test clock: the VDAB deadline falls due two compressed days (two seconds) after opening.
    const msPerDay = 1_000;
    const dueOn = addDays(calendarDate(daysAgo(0)), 2);
    let signedAgo = 50;
    while (addMonths(calendarDate(daysAgo(signedAgo)), 2) !== dueOn) signedAgo += 1;
    const { body } = await system
      .http()
      .post('/trajectories')
      .send({ ...newcomer({ registeredOn: daysAgo(signedAgo + 10) }), testDeadlineClock: { msPerDay } })
      .expect(201);
    const { trajectoryId } = body;
    const workflowId = trajectoryWorkflowId(trajectoryId);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(signedAgo + 5) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(signedAgo) })
      .expect(200);
    const { firesAt } = await armedTimer(system, workflowId);
    // No worker while the registration is linked and the timer fires: the workflow meets both when it resumes.
    await system.stopWorker();
    await appendDirectly(trajectoryId, {
      type: 'RecordVdabRegistration',
      registeredOn: daysAgo(0),
      vdabClientReference: 'VDAB-BULK-IN-TIME',
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firesAt - Date.now()) + 500));
    await system.startWorker();

    await eventually(async () => {
      const history = await system.temporal.workflow.getHandle(workflowId).fetchHistory();
      const fired = (history.events ?? []).filter((event) => event.timerFiredEventAttributes);
      expect(fired.length).toBeGreaterThanOrEqual(1);
      const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
      expect(state.deadlines).toEqual([expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'MET' })]);
    }, RESUMED_WITHIN_MS);
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(0);
    expect(await countOf(trajectoryId, 'ViolationOpened')).toBe(0);
    await recordHistoryIfAsked(system, workflowId, 'stream-catch-up-deadline-met-meanwhile');
  });

  it('restarts a terminated workflow from the legal record, recording a past-due miss exactly once', async () => {
    const trajectoryId = await openedDirectly(daysAgo(100));
    const workflowId = trajectoryWorkflowId(trajectoryId);
    // A workflow lost before it ran (started, then terminated while no worker served it).
    await system.stopWorker();
    await system.temporal.workflow.start(
      TRAJECTORY_WORKFLOW_TYPE,
      startFromStreamOptions(trajectoryId, system.taskQueue),
    );
    await system.temporal.workflow.getHandle(workflowId).terminate('test: a lost workflow');
    await system.startWorker();
    // What `workflows:restart -- --missing` finds: open in the read model, no running workflow.
    await eventually(async () =>
      expect(await trajectoriesWithoutRunningWorkflow(system.temporal, [trajectoryId])).toEqual([
        trajectoryId,
      ]),
    );

    const starter = await testStarter();
    try {
      expect(await enqueueRecoveries(system.database, [trajectoryId, randomUUID()])).toEqual([trajectoryId]);
      await eventually(async () => {
        expect(await pendingStart(trajectoryId)).toBe(false);
        const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
        expect(state.deadlines).toEqual([expect.objectContaining({ state: 'MISSED' })]);
      }, RESUMED_WITHIN_MS);
      // Restarted again (terminated once more): the miss is on record and is not recorded a second time.
      await system.temporal.workflow.getHandle(workflowId).terminate('test: lost again');
      await enqueueRecoveries(system.database, [trajectoryId]);
      await eventually(async () => {
        expect(await pendingStart(trajectoryId)).toBe(false);
        const description = await system.temporal.workflow.getHandle(workflowId).describe();
        expect(description.status.name).toBe('RUNNING');
        await expectWorkflowMatchesEventStore(system, trajectoryId);
      }, RESUMED_WITHIN_MS);
    } finally {
      await starter.stop();
    }
    expect(await countOf(trajectoryId, 'DeadlineMissed')).toBe(1);
    expect(await countOf(trajectoryId, 'ViolationOpened')).toBe(1);
  });

  it('starts a trajectory waiting for its workflow from its stream when a command comes for it', async () => {
    const trajectoryId = await openedDirectly(daysAgo(5));
    await enqueueWorkflowStarts(system.database, [{ trajectoryId, dueAt: null, reason: 'BULK_OPENING' }]);

    // A retry of the intake recorded in bulk under its Idempotency-Key gets the first answer, not a new decision.
    const retried = await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .set('Idempotency-Key', `intake-${trajectoryId}`)
      .send({ intakeOn: daysAgo(110) })
      .expect(200);
    expect(retried.body).toMatchObject({ trajectoryId, version: 2 });
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(1), vdabClientReference: 'VDAB-AFTER-BULK' })
      .expect(200);
    expect(await pendingStart(trajectoryId)).toBe(false);
    const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
    expect(state.deadlines).toEqual([expect.objectContaining({ state: 'MET' })]);
    await recordHistoryIfAsked(system, trajectoryWorkflowId(trajectoryId), 'start-from-stream-by-command');
  });

  function testStarter(): Promise<RunningWorkflowStarter> {
    return startWorkflowStarter({
      environment: {
        TEMPORAL_TASK_QUEUE: system.taskQueue,
        WORKFLOW_STARTER_LANES: 1,
        WORKFLOW_STARTER_POLL_INTERVAL_MS: 100,
      },
      logger: createLogger('workflow-starter', { level: 'warn' }),
    });
  }
});
