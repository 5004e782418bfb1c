import { ViolationFilter } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, TrajectoryScenario, trajectoryScenarios } from './trajectory-fixtures';

const database = useStoreTestDatabase();
const { contractSigned } = trajectoryScenarios(database);
const DAY = 24 * 60 * 60 * 1000;

/**
 * The enforcement officer's queue: violation files across trajectories, the oldest first, with who they are about
 * and whether the trajectory is still open. Other test files share the database, so only this file's trajectories
 * are looked at.
 */
describe('violation queue', () => {
  let names: Map<string, string>;

  beforeAll(async () => {
    // Each file is opened when the timer finds its deadline missed, the morning after the due day.
    // Missed on 2026-04-10: the oldest file.
    const oldest = await contractSigned({ agency: 'ATLAS', signedOn: '2026-02-10' });
    await oldest.expireDeadlines(Date.parse('2026-04-11T08:00:00Z'));
    // Missed on 2026-05-10, then the newcomer moved out: the file outlives the trajectory.
    const movedOut = await contractSigned({ agency: 'AGII', signedOn: '2026-03-10' });
    await movedOut.expireDeadlines(Date.parse('2026-05-11T08:00:00Z'));
    await movedOut.run({ type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-01' });
    // Missed too, and decided.
    const decided = await contractSigned({ agency: 'ATLAS', signedOn: '2026-03-20' });
    await decided.expireDeadlines(Date.parse('2026-05-21T08:00:00Z'));
    await decided.run(
      {
        type: 'RecordFineDecision',
        violationId: `${decided.trajectoryId}:violation:1`,
        decision: 'FINE',
        amountEuro: 200,
        decidedOn: '2026-06-16',
      },
      'enforcement-officer',
      SCENARIO_NOW + 2 * DAY,
    );
    const entries: [string, TrajectoryScenario][] = [
      ['oldest', oldest],
      ['movedOut', movedOut],
      ['decided', decided],
    ];
    names = new Map(entries.map(([name, trajectory]) => [trajectory.trajectoryId, name]));
  });

  async function queue(filter: ViolationFilter = {}) {
    const { items, total } = await database.queries.listViolations({ limit: 500, ...filter });
    const mine = items.filter((item) => names.has(item.trajectoryId));
    return { names: mine.map((item) => names.get(item.trajectoryId)), items: mine, total };
  }

  it('lists the open files, the oldest first, closed trajectories included', async () => {
    const open = await queue({ state: 'OPEN' });
    expect(open.names).toEqual(['oldest', 'movedOut']);
    expect(open.items[1]).toEqual({
      violationId: expect.stringMatching(/:violation:1$/),
      trajectoryId: expect.any(String),
      kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
      deadlineId: expect.stringMatching(/:VDAB_REGISTRATION$/),
      facts: expect.stringMatching(/^No VDAB registration recorded by 2026-05-10/),
      state: 'OPEN',
      openedAt: expect.any(String),
      decision: null,
      amountEuro: null,
      decidedOn: null,
      agency: 'AGII',
      counsellorId: null,
      municipality: expect.any(String),
      nationalNumber: expect.stringMatching(/^\d{11}$/),
      givenName: expect.any(String),
      familyName: expect.any(String),
      trajectoryStatus: 'CLOSED',
    });
  });

  it('filters by state, by the owning agency and by kind', async () => {
    expect((await queue({ state: 'DECIDED' })).items).toEqual([
      expect.objectContaining({
        decision: 'FINE',
        amountEuro: 200,
        decidedOn: '2026-06-16',
        agency: 'ATLAS',
      }),
    ]);
    expect((await queue({ agency: 'ATLAS' })).names).toEqual(['oldest', 'decided']);
    expect((await queue({ kind: 'REFUSAL_TO_SIGN' })).names).toEqual([]);
    expect((await queue({ state: 'OPEN', agency: 'ATLAS' })).names).toEqual(['oldest']);
  });

  it('pages: total counts every match, limit and offset cut the page', async () => {
    const all = await database.queries.listViolations({ limit: 500 });
    const second = await database.queries.listViolations({ limit: 1, offset: 1 });
    expect(second.total).toBe(all.total);
    expect(second.items).toEqual([all.items[1]]);
    await expect(database.queries.listViolations({ limit: 0 })).rejects.toThrow(/limit must be an integer/);
  });
});
