import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * A contract signed long enough ago that its two-month VDAB deadline has passed: the workflow's timer
 * expires, and the miss and the violation reach the read models.
 */
describe('an expired VDAB registration deadline', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('records the missed deadline and opens a violation', async () => {
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
    const signedOn = daysAgo(100);
    await system.http().post(`/trajectories/${trajectoryId}/contract`).send({ signedOn }).expect(200);

    const view = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.deadlines).toEqual([
        expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'MISSED' }),
      ]);
      return response.body;
    });
    expect(view.violations).toEqual([
      expect.objectContaining({
        kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
        deadlineId: view.deadlines[0].deadlineId,
        state: 'OPEN',
      }),
    ]);
    expect(view.violations[0].facts).toContain(view.deadlines[0].dueOn);

    const missed = await system
      .http()
      .get('/deadlines')
      .query({ state: 'MISSED', agency: 'IN_GENT' })
      .expect(200);
    expect(missed.body.items.map((deadline: { trajectoryId: string }) => deadline.trajectoryId)).toContain(
      trajectoryId,
    );

    const timeline = await system.http().get(`/trajectories/${trajectoryId}/timeline`).expect(200);
    expect(
      timeline.body.events
        .slice(-2)
        .map((event: { type: string; actor: string }) => [event.type, event.actor]),
    ).toEqual([
      ['DeadlineMissed', 'system:deadline-timer'],
      ['ViolationOpened', 'system:deadline-timer'],
    ]);
    await expectWorkflowMatchesEventStore(system, trajectoryId);

    // A late registration is still recorded, but does not turn the missed deadline into a met one.
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(1), vdabClientReference: 'VDAB-LATE-1' })
      .expect(200, { trajectoryId, version: 9, events: ['VdabRegistrationRecorded', 'PillarCompleted'] });
    await recordHistoryIfAsked(
      system,
      `trajectory-${trajectoryId}`,
      'vdab-deadline-missed-then-late-registration',
    );
  });
  it('a registration made in time but reported after the miss meets the deadline and withdraws the violation file', async () => {
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
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(100) })
      .expect(200);
    const missed = await eventually(async () => {
      const response = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(response.body.violations).toHaveLength(1);
      return response.body;
    });
    const { dueOn } = missed.deadlines[0];

    const late = await system
      .http('vdab-system')
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: dueOn, vdabClientReference: 'VDAB-IN-TIME' })
      .expect(200);
    expect(late.body.events).toEqual([
      'VdabRegistrationRecorded',
      'DeadlineMet',
      'ViolationWithdrawn',
      'PillarCompleted',
    ]);
    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body.deadlines).toEqual([expect.objectContaining({ state: 'MET', metOn: dueOn })]);
    expect(view.body.violations).toEqual([expect.objectContaining({ state: 'WITHDRAWN' })]);
    expect(view.body.nextActions.map((action: { action: string }) => action.action)).not.toContain(
      'DECIDE_VIOLATION',
    );
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });
});
