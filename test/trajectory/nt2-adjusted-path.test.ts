import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * The adjusted NT2 path for a low-literate learner (BBT 2020-2021 l.1109-1117), policy 2022: referral, enrolment, an A1
 * certificate below the A2 target, then the counsellor lowers this learner's target to A1 and the pillar completes;
 * MO and the VDAB registration were done, so the attest follows.
 */
describe('the adjusted NT2 path for a low-literate learner', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object) => system.http().post(path).send(body);

  it('lowers the target to A1, which completes NT2 with the A1 already passed and issues the attest', async () => {
    const opened = await post('/trajectories', newcomer({ registeredOn: '2022-01-10' })).expect(201);
    const id = opened.body.trajectoryId as string;
    await post(`/trajectories/${id}/intake`, {
      intakeOn: '2022-02-01',
      profile: { literacy: 'LOW_LITERATE' },
    }).expect(200);
    await post(`/trajectories/${id}/vdab-registration`, {
      registeredOn: '2022-02-01',
      vdabClientReference: 'VDAB-2022-LL',
    }).expect(200);
    await post(`/trajectories/${id}/contract`, { signedOn: '2022-03-01' }).expect(200);
    await post(`/trajectories/${id}/mo/enrolments`, {
      provider: 'AgII',
      language: 'Tigrinya',
      enrolledOn: '2022-03-10',
    });
    await post(`/trajectories/${id}/mo/test-results`, { takenOn: '2022-06-15', passed: true }).expect(200);
    await post(`/trajectories/${id}/nt2/referrals`, {
      provider: 'CBE Open School',
      course: 'Alfa NT2',
      level: 'A1',
      referredOn: '2022-03-10',
    }).expect(200);
    await post(`/trajectories/${id}/nt2/enrolments`, {
      provider: 'CBE Open School',
      course: 'Alfa NT2',
      level: 'A1',
      enrolledOn: '2022-03-21',
    }).expect(200);
    const a1 = await post(`/trajectories/${id}/nt2/test-results`, {
      level: 'A1',
      takenOn: '2023-01-20',
      passed: true,
    });
    expect(a1.body.events).toEqual(['Nt2TestTaken']);

    const store = new EventStore(system.database);
    const before = await store.countEvents(id);
    const upwards = await post(`/trajectories/${id}/nt2/target-adjustment`, {
      targetLevel: 'B1',
      adjustedOn: '2023-02-01',
      reason: 'x',
    }).expect(422);
    expect(upwards.body).toMatchObject({
      field: 'targetLevel',
      detail: expect.stringMatching(/below the current target A2/),
    });
    expect(await store.countEvents(id)).toBe(before);

    const adjusted = await post(`/trajectories/${id}/nt2/target-adjustment`, {
      targetLevel: 'A1',
      adjustedOn: '2023-02-01',
      reason: 'low-literate learner: alfa path agreed with CBE',
    }).expect(200);
    expect(adjusted.body.events).toEqual([
      'Nt2TargetAdjusted',
      'PillarCompleted',
      'AttestIssued',
      'TrajectoryClosed',
    ]);

    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    const nt2 = view.body.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'NT2');
    expect(nt2).toMatchObject({
      status: 'COMPLETED',
      targetLevel: 'A1',
      details: {
        enrolments: [
          { provider: 'CBE Open School', course: 'Alfa NT2', level: 'A1', enrolledOn: '2022-03-21' },
        ],
        targetAdjustment: {
          from: 'A2',
          adjustedOn: '2023-02-01',
          reason: 'low-literate learner: alfa path agreed with CBE',
        },
        certificate: { level: 'A1', obtainedOn: '2023-01-20' },
      },
    });
    expect(view.body).toMatchObject({ status: 'CLOSED', phase: 'ATTEST_ISSUED', policyVersion: '2022' });
    expect(view.body.attest.conditions[1]).toBe('NT2: NT2 test passed at A1 on 2023-01-20 (target A1)');
    await expectWorkflowMatchesEventStore(system, id);
  });

  it('refuses the adjusted path for a literate learner, and writes nothing', async () => {
    const opened = await post('/trajectories', newcomer({ registeredOn: '2022-01-10' })).expect(201);
    const id = opened.body.trajectoryId as string;
    await post(`/trajectories/${id}/intake`, {
      intakeOn: '2022-02-01',
      profile: { literacy: 'LITERATE' },
    }).expect(200);
    await post(`/trajectories/${id}/vdab-registration`, {
      registeredOn: '2022-02-01',
      vdabClientReference: 'V-1',
    });
    await post(`/trajectories/${id}/contract`, { signedOn: '2022-03-01' }).expect(200);
    const before = await new EventStore(system.database).countEvents(id);
    const refused = await post(`/trajectories/${id}/nt2/target-adjustment`, {
      targetLevel: 'A1',
      adjustedOn: '2023-02-01',
      reason: 'slow progress',
    }).expect(422);
    expect(refused.body.detail).toMatch(
      /illiterate and low-literate learners .* the intake recorded LITERATE$/,
    );
    expect(await new EventStore(system.database).countEvents(id)).toBe(before);
  });
});
