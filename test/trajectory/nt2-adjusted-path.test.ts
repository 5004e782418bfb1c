import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * The adjusted NT2 path as the obligation states it (Verplichting tot inburgering §Nederlands, docs/sources.md),
 * policy 2022: a low-literate learner follows the literacy track (alfa), A2 for speaking and listening only, set at
 * the contract. An oral A2 certificate completes NT2; the counsellor can no longer lower the target, since no policy
 * version names a lower level. MO and the VDAB registration were done, so the attest follows.
 */
describe('the adjusted NT2 path for a low-literate learner', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object) => system.http().post(path).send(body);

  it('the literacy track is A2 oral: a lower target is refused, an oral A2 test completes NT2 and the attest follows', async () => {
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
    const signed = await system.http().get(`/trajectories/${id}`).expect(200);
    expect(signed.body.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'NT2')).toMatchObject({
      targetLevel: 'A2',
      applicabilityReason: expect.stringMatching(
        /^literacy track \(alfa\): A2 for listening and speaking only/,
      ),
    });
    await post(`/trajectories/${id}/mo/enrolments`, {
      provider: 'AgII',
      language: 'Tigrinya',
      enrolledOn: '2022-03-10',
    });
    await post(`/trajectories/${id}/mo/test-results`, {
      takenOn: '2022-06-15',
      passed: true,
      certificateNumber: 'MO-CERT-1',
    }).expect(200);
    await post(`/trajectories/${id}/nt2/referrals`, {
      provider: 'CBE Open School',
      course: 'Alfa NT2',
      level: 'A2',
      referredOn: '2022-03-10',
    }).expect(200);
    await post(`/trajectories/${id}/nt2/enrolments`, {
      provider: 'CBE Open School',
      course: 'Alfa NT2',
      level: 'A2',
      enrolledOn: '2022-03-21',
    }).expect(200);
    const a1 = await post(`/trajectories/${id}/nt2/test-results`, {
      level: 'A1',
      takenOn: '2023-01-20',
      passed: true,
      certificateNumber: 'NT2-CERT-1',
      skills: ['LISTENING', 'SPEAKING'],
    });
    expect(a1.body.events).toEqual(['Nt2TestTaken']);

    const store = new EventStore(system.database);
    const before = await store.countEvents(id);
    const lowered = await post(`/trajectories/${id}/nt2/target-adjustment`, {
      targetLevel: 'A1',
      adjustedOn: '2023-02-01',
      reason: 'low-literate learner: alfa path agreed with CBE',
    }).expect(422);
    expect(lowered.body).toMatchObject({
      field: 'targetLevel',
      detail: expect.stringMatching(/policy 2022 sets no NT2 level below A2/),
    });
    expect(await store.countEvents(id)).toBe(before);

    const oral = await post(`/trajectories/${id}/nt2/test-results`, {
      level: 'A2',
      takenOn: '2023-06-20',
      passed: true,
      certificateNumber: 'NT2-CERT-1',
      skills: ['LISTENING', 'SPEAKING'],
    }).expect(200);
    expect(oral.body.events).toEqual(['Nt2TestTaken', 'PillarCompleted', 'AttestIssued', 'TrajectoryClosed']);

    const view = await system.http().get(`/trajectories/${id}`).expect(200);
    const nt2 = view.body.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'NT2');
    expect(nt2).toMatchObject({
      status: 'COMPLETED',
      targetLevel: 'A2',
      details: { certificate: { level: 'A2', obtainedOn: '2023-06-20' } },
    });
    expect(view.body).toMatchObject({ status: 'CLOSED', phase: 'ATTEST_ISSUED', policyVersion: '2022' });
    expect(view.body.attest.conditions[1]).toBe('NT2: NT2 test passed at A2 on 2023-06-20 (target A2)');
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
