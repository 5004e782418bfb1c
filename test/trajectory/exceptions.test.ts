import { addDays, addMonths, calendarDate, endOfDayInstant } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { armedTimer, recordHistoryIfAsked } from '../support/workflow-histories';

/** What can happen to a trajectory at any point: suspension, transfer, correction, move-out, violation and fine. */
describe('exceptions on a running trajectory', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  async function trajectoryWithContract(signedDaysAgo: number, overrides: Record<string, unknown> = {}) {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(signedDaysAgo + 20), ...overrides }))
      .expect(201);
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(signedDaysAgo + 10) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(signedDaysAgo) })
      .expect(200);
    return { trajectoryId, dueOn: addMonths(calendarDate(daysAgo(signedDaysAgo)), 2) };
  }

  it('a suspension moves the open deadline by the suspended days, and its timer with it', async () => {
    const { trajectoryId, dueOn } = await trajectoryWithContract(20);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/suspension`)
      .send({ reason: 'ILLNESS', suspendedFrom: daysAgo(12), explanation: 'hospitalised' })
      .expect(200, { trajectoryId, version: 6, events: ['TrajectorySuspended'] });
    const suspended = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', deadlines: [{ state: 'SUSPENDED', dueOn }] });

    const again = await system
      .http()
      .post(`/trajectories/${trajectoryId}/suspension`)
      .send({ reason: 'OTHER', suspendedFrom: daysAgo(3) });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already suspended/);

    await system
      .http()
      .post(`/trajectories/${trajectoryId}/resumption`)
      .send({ resumedOn: daysAgo(2) })
      .expect(200, { trajectoryId, version: 8, events: ['TrajectoryResumed', 'DeadlineMoved'] });
    const movedDueOn = addDays(dueOn, 10);
    const resumed = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(resumed.body).toMatchObject({
      status: 'OPEN',
      suspendedFrom: null,
      deadlines: [{ state: 'OPEN', dueOn: movedDueOn }],
    });

    const timer = await armedTimer(system, `trajectory-${trajectoryId}`);
    expect(Math.abs(timer.firesAt - endOfDayInstant(movedDueOn))).toBeLessThan(60_000);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'suspension-moves-deadline');
  });

  it('a transfer hands the case and its deadlines to the new agency, history included', async () => {
    const { trajectoryId } = await trajectoryWithContract(15);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/transfer`)
      .send({
        toAgency: 'ATLAS',
        transferredOn: daysAgo(1),
        municipality: 'Antwerpen',
        nisCode: '11002',
        counsellorId: 'atlas-counsellor-4',
      })
      .expect(200, { trajectoryId, version: 7, events: ['TrajectoryTransferred', 'NewcomerMoved'] });
    // The case is ATLAS's now: IN-Gent no longer sees it.
    await system.http().get(`/trajectories/${trajectoryId}`).expect(404);
    const view = await system.http('counsellor-atlas').get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body).toMatchObject({
      agency: 'ATLAS',
      counsellorId: 'atlas-counsellor-4',
      municipality: 'Antwerpen',
    });
    const atlas = await system
      .http('manager-atlas')
      .get('/deadlines')
      .query({ agency: 'ATLAS', state: 'OPEN', limit: 500 })
      .expect(200);
    expect(atlas.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).toContain(
      trajectoryId,
    );
    const gent = await system
      .http('manager-gent')
      .get('/deadlines')
      .query({ state: 'OPEN', limit: 500 })
      .expect(200);
    expect(gent.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).not.toContain(
      trajectoryId,
    );
    const timeline = await system
      .http('counsellor-atlas')
      .get(`/trajectories/${trajectoryId}/timeline`)
      .expect(200);
    expect(timeline.body.events.map((event: { type: string }) => event.type)[0]).toBe('TrajectoryOpened');
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('a correction is a compensating event with a reason; the original fact stays in the timeline', async () => {
    const { trajectoryId } = await trajectoryWithContract(15);
    const store = new EventStore(system.database);
    const [opened, intake] = await store.readStream(trajectoryId);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/corrections`)
      .send({ fact: 'INTAKE_DATE', correctedDate: daysAgo(24), reason: 'typing error in the intake form' })
      .expect(200, { trajectoryId, version: 6, events: ['FactCorrected'] });
    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body.intakeOn).toBe(daysAgo(24));
    const [openedAfter, intakeAfter] = await store.readStream(trajectoryId);
    expect([openedAfter, intakeAfter]).toEqual([opened, intake]);
    const timeline = await system.http().get(`/trajectories/${trajectoryId}/timeline`).expect(200);
    expect(timeline.body.events.at(-1)).toMatchObject({
      type: 'FactCorrected',
      data: {
        fact: 'INTAKE_DATE',
        previousDate: daysAgo(25),
        correctedDate: daysAgo(24),
        reason: 'typing error in the intake form',
      },
    });

    const noReason = await system
      .http()
      .post(`/trajectories/${trajectoryId}/corrections`)
      .send({ fact: 'INTAKE_DATE', correctedDate: daysAgo(23), reason: '' });
    expect(noReason.status).toBe(400);
    expect(await store.countEvents(trajectoryId)).toBe(6);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('moving out of Flanders closes the trajectory, waives its deadlines and ends the workflow', async () => {
    const { trajectoryId } = await trajectoryWithContract(10);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/closure`)
      .send({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: daysAgo(1), explanation: 'moved to Liège' })
      .expect(200);
    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'CLOSED',
      closureReason: 'MOVED_OUT_OF_FLANDERS',
      deadlines: [{ state: 'WAIVED' }],
    });
    const result = await system.temporal.workflow.getHandle(`trajectory-${trajectoryId}`).result();
    expect(result).toEqual({ trajectoryId, status: 'CLOSED', version: 6 });
  });

  it('a violation goes to the enforcement officer; a fine out of range is refused, a valid one recorded, the obligation continues', async () => {
    const { trajectoryId } = await trajectoryWithContract(100);
    const missed = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.violations).toHaveLength(1);
      return response.body;
    });
    const { violationId } = missed.violations[0];
    const decision = (body: Record<string, unknown>) =>
      system
        .http('officer-abb')
        .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
        .send(body);

    const store = new EventStore(system.database);
    const before = await store.countEvents(trajectoryId);
    const tooHigh = await decision({ decision: 'FINE', amountEuro: 10_000, decidedOn: daysAgo(0) });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body).toMatchObject({ field: 'amountEuro' });
    expect(tooHigh.body.detail).toMatch(/50 to 5000/);
    expect(await store.countEvents(trajectoryId)).toBe(before);

    await decision({
      decision: 'FINE',
      amountEuro: 250,
      decidedOn: daysAgo(0),
      explanation: 'no VDAB registration',
    }).expect(200);
    const decided = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(decided.body).toMatchObject({
      status: 'OPEN',
      violations: [
        { violationId, state: 'DECIDED', decision: 'FINE', amountEuro: 250, decidedOn: daysAgo(0) },
      ],
    });
    const again = await decision({ decision: 'NO_FINE', decidedOn: daysAgo(0) });
    expect(again.status).toBe(409);

    // The obligation continues after a fine: the newcomer can still register with VDAB.
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(0), vdabClientReference: 'VDAB-AFTER-FINE' })
      .expect(200);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'violation-to-fine');
  });

  it('a violation file outlives the trajectory: decided after the move out, then the workflow ends', async () => {
    const { trajectoryId } = await trajectoryWithContract(100);
    const { violationId } = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.violations).toHaveLength(1);
      return response.body.violations[0] as { violationId: string };
    });
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/closure`)
      .send({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: daysAgo(1) })
      .expect(200);
    const handle = system.temporal.workflow.getHandle(`trajectory-${trajectoryId}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    const store = new EventStore(system.database);
    const before = await store.countEvents(trajectoryId);
    const other = await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(0), vdabClientReference: 'VDAB-TOO-LATE' });
    expect(other.status).toBe(409);
    expect(other.body.detail).toMatch(/is closed \(MOVED_OUT_OF_FLANDERS/);
    expect(await store.countEvents(trajectoryId)).toBe(before);

    // The enforcement officer finds the file in the queue, next to its closed trajectory.
    const queue = async () =>
      (await system.http('officer-abb').get('/violations').query({ state: 'OPEN', limit: 500 }).expect(200))
        .body.items as {
        violationId: string;
        trajectoryStatus: string;
      }[];
    expect((await queue()).find((item) => item.violationId === violationId)).toMatchObject({
      trajectoryStatus: 'CLOSED',
      kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
    });
    const badFilter = await system
      .http('officer-abb')
      .get('/violations')
      .query({ state: 'PENDING' })
      .expect(400);
    expect(badFilter.body.errors).toEqual([
      {
        field: 'state',
        detail: 'state must be one of the following values: OPEN, DECIDED, WITHDRAWN',
        reason: 'MUST_BE_ONE_OF',
        params: { field: 'state', allowed: 'OPEN, DECIDED, WITHDRAWN' },
      },
    ]);

    await system
      .http('officer-abb')
      .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decision: 'NO_FINE', decidedOn: daysAgo(0), explanation: 'moved to Wallonia' })
      .expect(200, { trajectoryId, version: before + 1, events: ['FineDecisionRecorded'] });
    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'CLOSED',
      violations: [{ violationId, state: 'DECIDED', decision: 'NO_FINE' }],
    });
    expect((await queue()).map((item) => item.violationId)).not.toContain(violationId);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'violation-decided-after-closure');
    expect(await handle.result()).toEqual({ trajectoryId, status: 'CLOSED', version: before + 1 });
  });
});
