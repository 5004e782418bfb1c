import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { eventually } from '../support/eventually';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from './rules-helpers';

/**
 * Who can be fined, and for what (Handhaving inburgeringsbeleid; Verplichting tot inburgering: docs/sources.md),
 * through the real API, workflow, timers and store. A contract signed 100 days ago has a VDAB (or Actiris)
 * registration deadline in the past: the workflow's timer expires it at once.
 */
describe('who can be fined', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
  });
  afterAll(() => system?.close());

  const obligedFacts = () => thirdCountryNewcomerFacts(daysAgo(130));
  const entitledOverride = { recorded: { status: 'ENTITLED' }, reason: 'first stay in Belgium in 2019' };

  async function missedDeadline(trajectoryId: string) {
    return eventually(async () => {
      const view = await steps.view(trajectoryId);
      expect(view.deadlines.map((deadline: { state: string }) => deadline.state)).toContain('MISSED');
      return view;
    });
  }

  it('Brussels: the deadline names Actiris, the notice goes to Actiris and not VDAB, and its expiry opens no violation file', async () => {
    const trajectoryId = await steps.open(120, thirdCountryNewcomerFacts(daysAgo(130), 'BRUSSELS'), {
      municipality: 'Schaarbeek',
      agency: 'AGII',
    });
    await steps.signContract(trajectoryId, 100);
    const view = await missedDeadline(trajectoryId);
    expect(steps.kindsAndStates(view.deadlines)).toEqual([['ACTIRIS_REGISTRATION', 'MISSED']]);
    expect(view.violations).toEqual([]);
    expect(
      view.pillars.find((pillar: { pillar: string }) => pillar.pillar === 'WORK').applicabilityReason,
    ).toMatch(/^Actiris registration/);
    const outbox = await system.database.query(
      `SELECT destination FROM outbox_messages WHERE stream_id = $1 AND type = 'NewcomerMustRegister'`,
      [trajectoryId],
    );
    expect(outbox).toEqual([{ destination: 'ACTIRIS' }]);
    const reported = await steps.post(trajectoryId, 'violations', {
      kind: 'IRREGULAR_ATTENDANCE',
      observedOn: daysAgo(1),
      facts: 'absent three times',
    });
    expect(reported.status).toBe(422);
    expect(reported.body.detail).toMatch(/not in the Brussels-Capital Region/);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('before a contract only an obliged newcomer can be in breach: an entitled one may decline', async () => {
    const obliged = await steps.open(20, obligedFacts());
    await steps
      .post(obliged, 'violations', {
        kind: 'REFUSAL_TO_SIGN',
        observedOn: daysAgo(1),
        facts: 'refused to sign',
      })
      .expect(200);

    const entitled = await steps.open(20, obligedFacts());
    await steps.post(entitled, 'target-group/override', entitledOverride).expect(200);
    const before = await steps.streamLength(entitled);
    const refused = await steps.post(entitled, 'violations', {
      kind: 'REFUSAL_TO_SIGN',
      observedOn: daysAgo(1),
      facts: 'refused to sign',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/only an obliged newcomer can be in breach/);
    expect(await steps.streamLength(entitled)).toBe(before);
  });

  it('once signed, the contract binds the entitled too; their file and trajectory end with the fine', async () => {
    const trajectoryId = await steps.open(120, obligedFacts());
    await steps.post(trajectoryId, 'target-group/override', entitledOverride).expect(200);
    await steps.signContract(trajectoryId, 100);
    const missed = await eventually(async () => {
      const view = await steps.view(trajectoryId);
      expect(view.violations).toHaveLength(1);
      return view;
    });
    const { violationId } = missed.violations[0];
    await system
      .http('officer-abb')
      .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decision: 'FINE', amountEuro: 100, decidedOn: daysAgo(0) })
      .expect(200);
    const view = await steps.view(trajectoryId);
    expect(view).toMatchObject({ status: 'CLOSED', closureReason: 'FINED_VOLUNTARY_CONTRACT' });
    const result = await system.temporal.workflow.getHandle(`trajectory-${trajectoryId}`).result();
    expect(result).toMatchObject({ trajectoryId, status: 'CLOSED' });
  });

  it('an obliged newcomer continues after the fine, and a new breach opens a new file', async () => {
    const trajectoryId = await steps.open(120, obligedFacts());
    await steps.signContract(trajectoryId, 100);
    const missed = await eventually(async () => {
      const view = await steps.view(trajectoryId);
      expect(view.violations).toHaveLength(1);
      return view;
    });
    const { violationId } = missed.violations[0];
    await system
      .http('officer-abb')
      .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`)
      .send({ decision: 'FINE', amountEuro: 100, decidedOn: daysAgo(0) })
      .expect(200);
    await steps
      .post(trajectoryId, 'violations', {
        kind: 'IRREGULAR_ATTENDANCE',
        observedOn: daysAgo(0),
        facts: 'absent again',
      })
      .expect(200);
    const view = await steps.view(trajectoryId);
    expect(view.status).toBe('OPEN');
    expect(view.violations.map((violation: { state: string }) => violation.state)).toEqual([
      'DECIDED',
      'OPEN',
    ]);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('while the target group is undetermined, a missed deadline opens no violation file', async () => {
    const trajectoryId = await steps.open(120, { residenceRegion: 'FLANDERS' });
    await steps.signContract(trajectoryId, 100);
    const view = await missedDeadline(trajectoryId);
    expect(view.targetGroup).toMatchObject({ status: 'UNDETERMINED' });
    expect(steps.kindsAndStates(view.deadlines)).toEqual([['VDAB_REGISTRATION', 'MISSED']]);
    expect(view.violations).toEqual([]);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });
});
