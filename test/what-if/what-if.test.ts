import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from '../trajectory/rules-helpers';

/**
 * What-if on the rules (issue 9 §6) on the real stack: trajectories recorded through the API and their workflows,
 * replayed under a one-month VDAB window. Worked out by hand, contract signed 50 days ago (obliged newcomers, so a
 * missed deadline opens a violation file):
 * | A | VDAB registration 40 days ago (10 days after the contract) | baseline met        | one month: met (*)       |
 * | B | VDAB registration 5 days ago (45 days after the contract)  | baseline met        | one month: missed + file |
 * | C | no VDAB registration                                       | due in ~11 days     | one month: missed + file |
 * The baseline has nothing missed yet (two months are not over); the scenario misses B's and C's deadline.
 * (*) A's registration reached the system today: the scenario's timer marks the deadline missed first, then the
 * registration, dated within the month, meets it after all and withdraws the file (as the domain does for VDAB data
 * that arrives late), so it counts as neither missed nor a violation.
 */
describe('what-if on recorded trajectories', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;
  const counsellorId = `counsellor-what-if-${randomUUID().slice(0, 8)}`;
  /** The trajectories the what-if replays: the streams it would write to if it wrote. */
  let recorded: string[] = [];
  const request = (changes: object) => ({ from: daysAgo(365), to: daysAgo(0), counsellorId, changes });

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
    const open = () => steps.open(60, thirdCountryNewcomerFacts(daysAgo(70)), { counsellorId });
    const [a, b, c] = await Promise.all([open(), open(), open()]);
    recorded = [a, b, c];
    for (const trajectoryId of [a, b, c]) await steps.signContract(trajectoryId, 50);
    await system
      .http('vdab-system')
      .post(`/trajectories/${a}/vdab-registration`)
      .send({ registeredOn: daysAgo(40), vdabClientReference: 'VDAB-A' })
      .expect(200);
    await system
      .http('vdab-system')
      .post(`/trajectories/${b}/vdab-registration`)
      .send({ registeredOn: daysAgo(5), vdabClientReference: 'VDAB-B' })
      .expect(200);
    await eventually(async () => {
      const view = await steps.view(b);
      expect(view.deadlines.map((deadline: { state: string }) => deadline.state)).toEqual(['MET']);
    });
  });
  afterAll(() => system?.close());

  // Counted on the recorded streams, not the whole table: other test files write their own events meanwhile.
  async function countEvents(): Promise<number> {
    const [{ count }] = await system.database.query<{ count: string }[]>(
      'SELECT count(*) FROM events WHERE stream_id = ANY($1::text[])',
      [recorded],
    );
    return Number(count);
  }

  it('gives the counts worked out by hand for a one-month VDAB window, and writes nothing', async () => {
    const eventsBefore = await countEvents();
    const { body } = await system
      .http('manager-gent')
      .post('/what-if')
      .send(request({ vdabRegistration: { amount: 1, unit: 'MONTHS' } }))
      .expect(200);
    expect(body.agencies).toEqual([
      {
        agency: 'IN_GENT',
        baseline: { trajectories: 3, deadlinesMissed: 0, violations: 0, attestsIssued: 0 },
        scenario: { trajectories: 3, deadlinesMissed: 2, violations: 2, attestsIssued: 0 },
        attestsDelayed: 0,
        attestsEarlier: 0,
        baselineDiffersFromRecord: 0,
        diverged: 0,
      },
    ]);
    expect(body.description).toBe('VDAB registration within 1 months');
    expect(await countEvents()).toBe(eventsBefore);
  });

  it("sees only the caller's agency: another agency's manager gets nothing of these", async () => {
    const { body } = await system
      .http('manager-agii')
      .post('/what-if')
      .send(request({ vdabRegistration: { amount: 1, unit: 'MONTHS' } }))
      .expect(200);
    expect(body.agencies).toEqual([]);
  });

  it('names each bad field, and refuses counsellors', async () => {
    const bad = await system
      .http('manager-gent')
      .post('/what-if')
      .send({ from: '2024-02-30', to: daysAgo(0), changes: { participationHours: 0 } })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'changes.participationHours',
      'from',
    ]);
    const nothing = await system.http('manager-gent').post('/what-if').send(request({})).expect(400);
    expect(nothing.body.errors.map((error: { field: string }) => error.field)).toEqual(['changes']);
    await system
      .http('counsellor-gent')
      .post('/what-if')
      .send(request({ participationHours: 60 }))
      .expect(403);
  });
});
