import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { eventually } from '../support/eventually';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from './rules-helpers';

/**
 * Moves (Verplichting tot inburgering §Verhuis, docs/sources.md): a transfer records the new municipality, which
 * must lie in the receiving agency's area; a move to Brussels ends the obligation; a move out of Flanders and
 * Brussels ends the trajectory.
 */
describe('moves', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
  });
  afterAll(() => system?.close());

  const obligedFacts = () => thirdCountryNewcomerFacts(daysAgo(60));

  it("a transfer to a municipality outside the receiving agency's area is refused; a valid one moves the municipality", async () => {
    const trajectoryId = await steps.open(30, obligedFacts());
    await steps.signContract(trajectoryId, 20);
    const before = await steps.streamLength(trajectoryId);
    const wrong = await steps.post(trajectoryId, 'transfer', {
      toAgency: 'ATLAS',
      transferredOn: daysAgo(1),
      municipality: 'Mechelen',
      nisCode: '12025',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.detail).toMatch(/Mechelen \(12025\) lies in the area of Agentschap Integratie/);
    expect(await steps.streamLength(trajectoryId)).toBe(before);

    await steps
      .post(trajectoryId, 'transfer', {
        toAgency: 'ATLAS',
        transferredOn: daysAgo(1),
        municipality: 'Antwerpen',
        nisCode: '11002',
        counsellorId: 'atlas-7',
      })
      .expect(200, { trajectoryId, version: before + 2, events: ['TrajectoryTransferred', 'NewcomerMoved'] });
    // The case is ATLAS's now: IN-Gent no longer sees it.
    await system.http().get(`/trajectories/${trajectoryId}`).expect(404);
    steps.handOver(trajectoryId, 'ATLAS');
    const view = await steps.view(trajectoryId);
    expect(view).toMatchObject({ agency: 'ATLAS', municipality: 'Antwerpen', counsellorId: 'atlas-7' });
    const atlas = await system
      .http('counsellor-atlas')
      .get('/deadlines')
      .query({ agency: 'ATLAS', municipality: 'Antwerpen', limit: 500 })
      .expect(200);
    expect(atlas.body.items.map((item: { trajectoryId: string }) => item.trajectoryId)).toContain(
      trajectoryId,
    );
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it('a move to Brussels ends the obligation: open files stay, and no new file can open', async () => {
    const trajectoryId = await steps.open(30, obligedFacts(), { agency: 'AGII', municipality: 'Mechelen' });
    await steps
      .post(trajectoryId, 'violations', {
        kind: 'REFUSAL_TO_SIGN',
        observedOn: daysAgo(20),
        facts: 'refused to sign',
      })
      .expect(200);
    await steps
      .post(trajectoryId, 'move', { movedOn: daysAgo(10), municipality: 'Schaarbeek', nisCode: '21015' })
      .expect(200);
    await steps.signContract(trajectoryId, 5);
    const view = await steps.view(trajectoryId);
    expect(view.municipality).toBe('Schaarbeek');
    expect(steps.kindsAndStates(view.violations)).toEqual([['REFUSAL_TO_SIGN', 'OPEN']]);
    // the contract after the move names Actiris, and a breach of it can no longer be filed
    expect(steps.kindsAndStates(view.deadlines)).toEqual([['ACTIRIS_REGISTRATION', 'OPEN']]);
    const refused = await steps.post(trajectoryId, 'violations', {
      kind: 'IRREGULAR_ATTENDANCE',
      observedOn: daysAgo(1),
      facts: 'absent',
    });
    expect(refused.status).toBe(422);
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });

  it("a move into another agency's area is refused: that is a transfer", async () => {
    const trajectoryId = await steps.open(30, obligedFacts(), { agency: 'AGII', municipality: 'Mechelen' });
    const refused = await steps.post(trajectoryId, 'move', {
      movedOn: daysAgo(1),
      municipality: 'Gent',
      nisCode: '44021',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/transfer the trajectory to IN_GENT/);
  });

  it('a move out of Flanders and Brussels ends the trajectory with that reason, and its workflow', async () => {
    const trajectoryId = await steps.open(30, obligedFacts());
    await steps.signContract(trajectoryId, 20);
    await steps
      .post(trajectoryId, 'move', { movedOn: daysAgo(1), municipality: 'Liège', nisCode: '62063' })
      .expect(200);
    const view = await eventually(async () => {
      const current = await steps.view(trajectoryId);
      expect(current.status).toBe('CLOSED');
      return current;
    });
    expect(view).toMatchObject({ closureReason: 'MOVED_OUT_OF_FLANDERS', municipality: 'Liège' });
    expect(steps.kindsAndStates(view.deadlines)).toEqual([['VDAB_REGISTRATION', 'WAIVED']]);
    const result = await system.temporal.workflow.getHandle(`trajectory-${trajectoryId}`).result();
    expect(result).toMatchObject({ trajectoryId, status: 'CLOSED' });
  });
});
