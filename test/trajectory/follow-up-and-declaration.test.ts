import { addMonths, calendarDate } from '../../libs/domain/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from './rules-helpers';

/**
 * The follow-up track (B1 oral within 24 months after the attest, for newcomers obliged since 1 March 2022) and the
 * declaration of effort instead of the attest (Verplichting tot inburgering §Vervolgtraject, §Attest: docs/sources.md).
 */
describe('the follow-up track and the declaration of effort', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
  });
  afterAll(() => system?.close());

  /** Obliged, working (participation optional), contract 50 days ago: MO, NT2 and VDAB lead to the attest. */
  async function allButNt2(): Promise<string> {
    const id = await steps.open(60, thirdCountryNewcomerFacts(daysAgo(90)));
    await steps.signContract(id, 50, { working: true, mayWork: true, literacy: 'LITERATE' });
    await steps
      .post(id, 'vdab-registration', { registeredOn: daysAgo(45), vdabClientReference: 'V-1' })
      .expect(200);
    await steps
      .post(id, 'mo/enrolments', { provider: 'Agentschap', language: 'Arabic', enrolledOn: daysAgo(45) })
      .expect(200);
    await steps
      .post(id, 'mo/test-results', {
        takenOn: daysAgo(30),
        passed: true,
        certificateNumber: 'MO-CERT-1',
      })
      .expect(200);
    await steps
      .post(id, 'nt2/referrals', {
        provider: 'CVO Gent',
        course: 'NT2 1.1',
        level: 'A2',
        referredOn: daysAgo(45),
      })
      .expect(200);
    return id;
  }

  const passNt2 = (id: string) =>
    steps
      .post(id, 'nt2/test-results', {
        level: 'A2',
        takenOn: daysAgo(1),
        passed: true,
        certificateNumber: 'NT2-CERT-1',
      })
      .expect(200);

  it('the attest starts the follow-up track: its deadline, its next action; a B1 pass completes the trajectory', async () => {
    const id = await allButNt2();
    const attest = await passNt2(id);
    expect(attest.body.events).toEqual([
      'Nt2TestTaken',
      'PillarCompleted',
      'AttestIssued',
      'FollowUpStarted',
      'DeadlineSet',
    ]);
    const today = calendarDate(daysAgo(0));
    const view = await steps.view(id);
    expect(view).toMatchObject({ status: 'OPEN', phase: 'ATTEST_ISSUED' });
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'FOLLOW_UP_B1_ORAL', state: 'OPEN', dueOn: addMonths(today, 24) }),
      ]),
    );
    expect(view.nextActions.map((action: { action: string }) => action.action)).toEqual(['PROVE_B1_ORAL']);

    const other = await steps.post(id, 'mo/test-results', {
      takenOn: daysAgo(0),
      passed: true,
      certificateNumber: 'MO-CERT-2',
    });
    expect(other.status).toBe(409);
    await steps
      .post(id, 'follow-up/test-results', { level: 'B1', takenOn: daysAgo(0), passed: false })
      .expect(200);
    const passed = await steps
      .post(id, 'follow-up/test-results', { level: 'B1', takenOn: daysAgo(0), passed: true })
      .expect(200);
    expect(passed.body.events).toEqual(['FollowUpTestTaken', 'DeadlineMet', 'TrajectoryClosed']);
    expect(await steps.view(id)).toMatchObject({ status: 'CLOSED', closureReason: 'FOLLOW_UP_COMPLETED' });
    const result = await system.temporal.workflow.getHandle(`trajectory-${id}`).result();
    expect(result).toMatchObject({ status: 'CLOSED' });
  });

  it('a move to Brussels during the follow-up track waives its deadline', async () => {
    const id = await allButNt2();
    await passNt2(id);
    const moved = await steps
      .post(id, 'transfer', {
        toAgency: 'AGII',
        transferredOn: daysAgo(0),
        municipality: 'Brussel',
        nisCode: '21004',
      })
      .expect(200);
    expect(moved.body.events).toEqual(['TrajectoryTransferred', 'NewcomerMoved', 'DeadlineWaived']);
    await system.http().get(`/trajectories/${id}`).expect(404);
    steps.handOver(id, 'AGII');
    const view = await steps.view(id);
    expect(
      view.deadlines.find((deadline: { kind: string }) => deadline.kind === 'FOLLOW_UP_B1_ORAL').state,
    ).toBe('WAIVED');
    await expectWorkflowMatchesEventStore(system, id);
  });

  it('a declaration of effort instead of the attest ends the trajectory without a follow-up track', async () => {
    const id = await allButNt2();
    const before = await steps.streamLength(id);
    const noReason = await steps.post(id, 'declaration-of-effort', { issuedOn: daysAgo(0), reason: '' });
    expect(noReason.status).toBe(400);
    expect(await steps.streamLength(id)).toBe(before);
    const declared = await steps
      .post(id, 'declaration-of-effort', {
        issuedOn: daysAgo(0),
        reason: 'limited learning capacity: three NT2 modules without progress',
      })
      .expect(200);
    expect(declared.body.events).toEqual(['DeclarationOfEffortIssued', 'TrajectoryClosed']);
    const view = await steps.view(id);
    expect(view).toMatchObject({ status: 'CLOSED', closureReason: 'DECLARATION_OF_EFFORT', attest: null });
    expect(view.deadlines.some((deadline: { kind: string }) => deadline.kind === 'FOLLOW_UP_B1_ORAL')).toBe(
      false,
    );
    const result = await system.temporal.workflow.getHandle(`trajectory-${id}`).result();
    expect(result).toMatchObject({ status: 'CLOSED' });
  });
});
