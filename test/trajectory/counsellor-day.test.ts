import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * A counsellor's and a coordinator's everyday use of the API: target group with an override, what to do next,
 * the caseload, exemptions, reported violations and the municipality's participation hours.
 */
const AGII = 'counsellor-agii';

describe("a counsellor's day", () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object, as?: string) => system.http(as).post(path).send(body);

  it('derives the target group, keeps a counsellor override next to it, and refuses an override without a reason', async () => {
    const opened = await post(
      '/trajectories',
      newcomer({
        registeredOn: daysAgo(30),
        municipality: 'Schaerbeek',
        agency: 'AGII',
        targetGroupFacts: thirdCountryNewcomerFacts(daysAgo(60), 'BRUSSELS'),
      }),
      AGII,
    ).expect(201);
    const id = opened.body.trajectoryId;
    expect(opened.body.events).toEqual(['TrajectoryOpened', 'TargetGroupDetermined']);
    // No obligation in the Brussels-Capital Region (Actieplan integratiebeleid l.977): the trajectory is voluntary.
    const derived = await system.http(AGII).get(`/trajectories/${id}`).expect(200);
    expect(derived.body.targetGroup).toMatchObject({
      status: 'ENTITLED',
      derivedStatus: 'ENTITLED',
      overrideReason: null,
    });
    expect(derived.body.deadlines).toEqual([]);

    const store = new EventStore(system.database);
    const before = await store.countEvents(id);
    await post(
      `/trajectories/${id}/target-group/override`,
      {
        recorded: { status: 'EXEMPT', exemptionReason: 'AGED_65_OR_OLDER' },
      },
      AGII,
    ).expect(400);
    const obliged = await post(
      `/trajectories/${id}/target-group/override`,
      {
        recorded: { status: 'OBLIGED', obligationStartsOn: daysAgo(60) },
        reason: 'thought to be obliged',
      },
      AGII,
    ).expect(422);
    expect(obliged.body).toMatchObject({
      field: 'recorded',
      detail: expect.stringMatching(/Brussels-Capital Region is never obliged/),
    });
    expect(await store.countEvents(id)).toBe(before);

    const reason = 'SERIOUS_ILLNESS_OR_DISABILITY';
    await post(
      `/trajectories/${id}/target-group/override`,
      {
        recorded: { status: 'EXEMPT', exemptionReason: reason },
        reason: 'medical certificate received after the registration',
      },
      AGII,
    ).expect(200);
    const overridden = await system.http(AGII).get(`/trajectories/${id}`).expect(200);
    expect(overridden.body.targetGroup).toMatchObject({
      status: 'EXEMPT',
      derivedStatus: 'ENTITLED',
      exemptionReason: reason,
      overrideReason: 'medical certificate received after the registration',
    });
    await expectWorkflowMatchesEventStore(system, id);
  });

  it('shows the next actions and puts the case with a violation first in the caseload', async () => {
    const counsellorId = `counsellor-${Date.now()}`;
    const calm = await post('/trajectories', newcomer({ registeredOn: daysAgo(10), counsellorId })).expect(
      201,
    );
    const urgent = await post('/trajectories', newcomer({ registeredOn: daysAgo(140), counsellorId })).expect(
      201,
    );
    await post(`/trajectories/${urgent.body.trajectoryId}/intake`, { intakeOn: daysAgo(130) }).expect(200);
    await post(`/trajectories/${urgent.body.trajectoryId}/contract`, { signedOn: daysAgo(120) }).expect(200);
    await post(`/trajectories/${urgent.body.trajectoryId}/violations`, {
      kind: 'IRREGULAR_ATTENDANCE',
      observedOn: daysAgo(2),
      facts: 'absent from 6 of the last 8 NT2 lessons without a reason',
    }).expect(200);

    const calmView = await system.http().get(`/trajectories/${calm.body.trajectoryId}`).expect(200);
    expect(calmView.body.nextActions[0]).toMatchObject({ action: 'RECORD_INTAKE' });
    const urgentView = await system.http().get(`/trajectories/${urgent.body.trajectoryId}`).expect(200);
    expect(urgentView.body.violations.map((violation: { kind: string }) => violation.kind)).toContain(
      'IRREGULAR_ATTENDANCE',
    );
    expect(urgentView.body.nextActions.map((action: { action: string }) => action.action)).toContain(
      'DECIDE_VIOLATION',
    );

    const caseload = await system.http().get('/caseload').query({ counsellorId }).expect(200);
    expect(caseload.body.total).toBe(2);
    expect(caseload.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).toEqual([
      urgent.body.trajectoryId,
      calm.body.trajectoryId,
    ]);
    await system.http().get('/caseload').expect(400);
  });

  it('an exemption from the WORK pillar waives the VDAB deadline', async () => {
    const { body } = await post('/trajectories', newcomer({ registeredOn: daysAgo(20) })).expect(201);
    const id = body.trajectoryId;
    await post(`/trajectories/${id}/intake`, { intakeOn: daysAgo(15) }).expect(200);
    await post(`/trajectories/${id}/contract`, { signedOn: daysAgo(10) }).expect(200);
    await post(`/trajectories/${id}/pillars/WORK/waiver`, {
      reason: 'incapacity for work (medical)',
      waivedOn: daysAgo(1),
    }).expect(200, { trajectoryId: id, version: 7, events: ['PillarWaived', 'DeadlineWaived'] });
    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(view.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'WAIVED' }),
    ]);
    expect(view.body.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'WORK')).toMatchObject({
      status: 'WAIVED',
      waiverReason: 'incapacity for work (medical)',
    });
    await post(`/trajectories/${id}/pillars/SPORT/waiver`, { reason: 'x', waivedOn: daysAgo(1) }).expect(400);
    await expectWorkflowMatchesEventStore(system, id);
  });

  it("gives the municipality's coordinator the participation hours per kind of activity", async () => {
    const municipality = `Testgem-${Date.now()}`;
    const { body } = await post(
      '/trajectories',
      newcomer({ registeredOn: daysAgo(40), municipality }),
    ).expect(201);
    const id = body.trajectoryId;
    await post(`/trajectories/${id}/intake`, {
      intakeOn: daysAgo(35),
      profile: { working: false, studying: false, mayWork: true },
    }).expect(200);
    await post(`/trajectories/${id}/contract`, { signedOn: daysAgo(30) }).expect(200);
    for (const [kind, hours] of [
      ['BUDDY', 6],
      ['BUDDY', 4.5],
      ['VOLUNTEERING', 8],
    ] as const) {
      await post(`/trajectories/${id}/participation/activities`, {
        kind,
        hours,
        startedOn: daysAgo(20),
        endedOn: daysAgo(5),
        organisation: 'Sportclub',
        organisationFeedback: 'engaged',
      }).expect(200);
    }
    const tooLong = await post(`/trajectories/${id}/participation/activities`, {
      kind: 'BUDDY',
      hours: 41,
      startedOn: daysAgo(3),
      endedOn: daysAgo(2),
      organisation: 'Sportclub',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.field).toBe('hours');

    const totals = await system
      .http('manager-gent')
      .get('/participation-hours')
      .query({ municipality })
      .expect(200);
    expect(totals.body).toMatchObject({ municipality, hours: 18.5 });
    const items: { kind: string; hours: number; activities: number }[] = totals.body.items;
    expect(items.map(({ kind, hours, activities }) => [kind, hours, activities])).toEqual([
      ['BUDDY', 10.5, 2],
      ['VOLUNTEERING', 8, 1],
    ]);
  });
});
