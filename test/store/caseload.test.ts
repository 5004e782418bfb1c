import { randomUUID } from 'node:crypto';
import { calendarDate } from '../../libs/domain/src';
import { CaseloadFilter } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, trajectoryScenarios } from './trajectory-fixtures';

const database = useStoreTestDatabase();
const { opened, contractSigned } = trajectoryScenarios(database);
/** The day of the scenarios' decisions: the attention groups are those of this day. */
const TODAY = calendarDate('2026-06-15');

describe('caseload', () => {
  // A counsellor of their own keeps other tests' trajectories out of this caseload.
  const counsellorId = `counsellor-caseload-${randomUUID()}`;
  let byName: Record<string, string>;

  beforeAll(async () => {
    const mine = { counsellorId, agency: 'AGII' } as const;
    // Missed deadline (due 2026-04-10) and an open violation file.
    const violation = await contractSigned({ ...mine, signedOn: '2026-02-10' });
    await violation.expireDeadlines(SCENARIO_NOW);
    // Missed deadline whose file is decided: no open violation left.
    const missed = await contractSigned({ ...mine, signedOn: '2026-02-10', registeredOn: '2025-12-05' });
    await missed.expireDeadlines(SCENARIO_NOW);
    await missed.run({
      type: 'RecordFineDecision',
      violationId: `${missed.trajectoryId}:violation:1`,
      decision: 'NO_FINE',
      decidedOn: '2026-06-15',
    });
    const dueSoon = await contractSigned({ ...mine, signedOn: '2026-04-20' }); // due 2026-06-20
    const dueLater = await contractSigned({ ...mine, signedOn: '2026-05-01', registeredOn: '2025-10-01' }); // due 2026-07-01
    // Suspended: its deadline does not run, so it has no next open deadline.
    const suspended = await contractSigned({ ...mine, signedOn: '2026-05-01', registeredOn: '2025-11-01' });
    await suspended.run({ type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: '2026-05-20' });
    const registeredEarly = await opened({ ...mine, registeredOn: '2025-12-01' });
    const registeredLate = await opened({ counsellorId, agency: 'ATLAS', registeredOn: '2026-01-05' });
    // Not in the caseload: closed, or another counsellor's.
    const closed = await opened({ ...mine, registeredOn: '2025-01-01' });
    await closed.run({ type: 'CloseTrajectory', reason: 'DECEASED', closedOn: '2026-02-01' });
    await opened({ counsellorId: `${counsellorId}-other`, agency: 'AGII', registeredOn: '2025-01-01' });

    byName = Object.fromEntries(
      Object.entries({
        violation,
        missed,
        dueSoon,
        dueLater,
        suspended,
        registeredEarly,
        registeredLate,
        closed,
      }).map(([name, trajectory]) => [trajectory.trajectoryId, name]),
    );
  });

  async function caseload(filter: Omit<CaseloadFilter, 'counsellorId'> = {}) {
    const { items, total } = await database.queries.caseload({ counsellorId, today: TODAY, ...filter });
    return { names: items.map((item) => byName[item.trajectoryId] ?? item.trajectoryId), total };
  }

  it('lists the counsellor’s trajectories that are not closed, what needs attention first', async () => {
    expect(await caseload()).toEqual({
      names: [
        'violation', // overdue: open violation file, registered 2025-12-01
        'missed', // overdue: missed deadline, file decided, registered 2025-12-05
        'dueSoon', // due soon: 2026-06-20
        'registeredEarly', // waiting for me (intake to record), by registration date
        'registeredLate',
        'dueLater', // on track: due 2026-07-01, 16 days ahead ...
        'suspended', // ... then none
      ],
      total: 7,
    });
  });

  it('gives each trajectory its name, status, phase, next open deadline and what is missed or open', async () => {
    const { items } = await database.queries.caseload({ counsellorId, today: TODAY });
    const item = (name: string) => items.find((candidate) => byName[candidate.trajectoryId] === name);

    expect(item('violation')).toEqual({
      trajectoryId: expect.any(String),
      givenName: 'Amina',
      familyName: 'El Idrissi',
      status: 'OPEN',
      phase: 'CONTRACT_SIGNED',
      agency: 'AGII',
      counsellorId,
      registeredOn: '2025-12-01',
      nextDeadline: null,
      missedDeadlines: 1,
      openViolations: 1,
      attention: 'OVERDUE',
    });
    expect(item('missed')).toMatchObject({ missedDeadlines: 1, openViolations: 0, nextDeadline: null });
    expect(item('dueSoon')).toMatchObject({
      status: 'OPEN',
      nextDeadline: {
        deadlineId: expect.stringMatching(/:VDAB_REGISTRATION$/),
        kind: 'VDAB_REGISTRATION',
        dueOn: '2026-06-20',
      },
      missedDeadlines: 0,
      openViolations: 0,
    });
    expect(item('suspended')).toMatchObject({ status: 'SUSPENDED', nextDeadline: null, missedDeadlines: 0 });
    expect(item('registeredLate')).toMatchObject({
      phase: 'REGISTERED',
      agency: 'ATLAS',
      nextDeadline: null,
    });
  });

  it('narrows to an agency, and pages with the total of the whole caseload', async () => {
    expect(await caseload({ agency: 'ATLAS' })).toEqual({ names: ['registeredLate'], total: 1 });
    expect((await caseload({ agency: 'AGII' })).total).toBe(6);
    expect(await caseload({ limit: 3, offset: 3 })).toEqual({
      names: ['registeredEarly', 'registeredLate', 'dueLater'],
      total: 7,
    });
    expect(await caseload({ limit: 3, offset: 9 })).toEqual({ names: [], total: 7 });
  });

  it('is an agency’s caseload without counsellor, following a transfer', async () => {
    const transferred = await opened({ agency: 'AGII', registeredOn: '2026-01-05' });
    await transferred.run({
      type: 'TransferTrajectory',
      toAgency: 'IN_GENT',
      transferredOn: '2026-02-01',
      municipality: 'Gent',
      nisCode: '44021',
    });

    const found = await findInCaseload({ agency: 'IN_GENT' }, transferred.trajectoryId);
    expect(found.item).toMatchObject({ agency: 'IN_GENT', counsellorId: null, status: 'OPEN' });
    expect(found.others.every((item) => item.agency === 'IN_GENT' && item.status !== 'CLOSED')).toBe(true);
    expect((await findInCaseload({ agency: 'AGII' }, transferred.trajectoryId)).item).toBeUndefined();
  });

  it('refuses a caseload of nobody and a page size out of range', async () => {
    await expect(database.queries.caseload({})).rejects.toThrow(RangeError);
    await expect(database.queries.caseload({ counsellorId, limit: 0 })).rejects.toThrow(RangeError);
    await expect(database.queries.caseload({ counsellorId, limit: 501 })).rejects.toThrow(RangeError);
    await expect(database.queries.caseload({ counsellorId, offset: -1 })).rejects.toThrow(RangeError);
  });

  /** Pages through a whole caseload (other test files add to the agencies' caseloads concurrently). */
  async function findInCaseload(filter: CaseloadFilter, trajectoryId: string) {
    const all = [];
    for (let offset = 0; ; offset += 500) {
      const { items } = await database.queries.caseload({ ...filter, limit: 500, offset });
      all.push(...items);
      if (items.length < 500) break;
    }
    return {
      item: all.find((candidate) => candidate.trajectoryId === trajectoryId),
      others: all.filter((candidate) => candidate.trajectoryId !== trajectoryId),
    };
  }
});
