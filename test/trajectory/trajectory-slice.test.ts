import { addMonths, calendarDate, endOfDayInstant } from '../../libs/domain/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { armedTimer, recordHistoryIfAsked } from '../support/workflow-histories';

/** The first slice end to end: HTTP → API → Temporal update → workflow → event store and read models → HTTP. */
describe('a trajectory from registration to VDAB registration', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('records registration, intake, contract and VDAB registration, and the VDAB deadline is met', async () => {
    const person = newcomer({ registeredOn: daysAgo(40) });
    const opened = await system.http().post('/trajectories').send(person).expect(201);
    const { trajectoryId } = opened.body;
    expect(opened.body).toEqual({ trajectoryId, version: 1, events: ['TrajectoryOpened'] });

    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(30) })
      .expect(200, { trajectoryId, version: 2, events: ['IntakeRecorded'] });

    const signedOn = daysAgo(20);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn })
      .expect(200, {
        trajectoryId,
        version: 5,
        events: ['ContractSigned', 'PillarsDetermined', 'DeadlineSet'],
      });

    const dueOn = addMonths(calendarDate(signedOn), 2);
    const open = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(open.body).toMatchObject({
      trajectoryId,
      status: 'OPEN',
      phase: 'CONTRACT_SIGNED',
      contractSignedOn: signedOn,
      policyVersion: '2023',
      deadlines: [{ kind: 'VDAB_REGISTRATION', dueOn, state: 'OPEN' }],
    });

    // The workflow now sleeps on a real Temporal timer that fires when the deadline's last day ends in Brussels.
    const timer = await armedTimer(system, `trajectory-${trajectoryId}`);
    expect(Math.abs(timer.firesAt - endOfDayInstant(dueOn))).toBeLessThan(60_000);

    await system
      .http('vdab-system')
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(5), vdabClientReference: 'VDAB-000123' })
      .expect(200, {
        trajectoryId,
        version: 8,
        events: ['VdabRegistrationRecorded', 'DeadlineMet', 'PillarCompleted'],
      });

    const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
    expect(view.body).toMatchObject({
      trajectoryId,
      nationalNumber: person.nationalNumber,
      agency: 'IN_GENT',
      status: 'OPEN',
      version: 8,
      vdabRegisteredOn: daysAgo(5),
      vdabClientReference: 'VDAB-000123',
      deadlines: [{ kind: 'VDAB_REGISTRATION', dueOn, state: 'MET', metOn: daysAgo(5) }],
      violations: [],
    });

    const timeline = await system.http().get(`/trajectories/${trajectoryId}/timeline`).expect(200);
    expect(
      timeline.body.events.map((event: { version: number; type: string; actor: string }) => [
        event.version,
        event.type,
        event.actor,
      ]),
    ).toEqual([
      [1, 'TrajectoryOpened', 'counsellor-gent'],
      [2, 'IntakeRecorded', 'counsellor-gent'],
      [3, 'ContractSigned', 'counsellor-gent'],
      [4, 'PillarsDetermined', 'counsellor-gent'],
      [5, 'DeadlineSet', 'counsellor-gent'],
      [6, 'VdabRegistrationRecorded', 'vdab-system'],
      [7, 'DeadlineMet', 'vdab-system'],
      [8, 'PillarCompleted', 'vdab-system'],
    ]);
    const positions = timeline.body.events.map((event: { position: string }) => BigInt(event.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    for (const event of timeline.body.events) {
      expect(Date.parse(event.recordedAt)).not.toBeNaN();
    }

    const met = await system
      .http()
      .get('/deadlines')
      .query({ state: 'MET', dueFrom: dueOn, dueTo: dueOn })
      .expect(200);
    expect(met.body.items.map((deadline: { trajectoryId: string }) => deadline.trajectoryId)).toContain(
      trajectoryId,
    );

    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'vdab-deadline-met');
    const state = await expectWorkflowMatchesEventStore(system, trajectoryId);
    expect(state).toMatchObject({ version: 8, phase: 'CONTRACT_SIGNED', deadlines: [{ state: 'MET' }] });
  });
});
