import { randomUUID } from 'node:crypto';
import { ATTENTION_GROUPS, attentionOf, AttentionGroup, calendarDate } from '../../libs/domain/src';
import { CaseloadEntry, CaseloadFilter } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, trajectoryScenarios } from './trajectory-fixtures';

const database = useStoreTestDatabase();
const { opened, contractSigned } = trajectoryScenarios(database);

/** The caseload's day: the VDAB deadlines fall 2 months after the contract, around it. */
const TODAY = calendarDate('2026-06-10');

/**
 * The caseload query decides the attention groups in SQL; the domain's attentionOf decides them for one case. Each
 * group and each of its edges, through the real query, agrees with the domain.
 */
describe('the attention groups of a caseload', () => {
  const counsellorId = `counsellor-attention-${randomUUID()}`;
  const expected: Record<string, AttentionGroup> = {
    violation: 'OVERDUE',
    dueYesterday: 'OVERDUE',
    dueToday: 'DUE_SOON',
    dueIn14Days: 'DUE_SOON',
    dueIn15Days: 'ON_TRACK',
    registered: 'WAITING_FOR_ME',
    intakeDone: 'WAITING_FOR_ME',
    suspendedRegistered: 'ON_TRACK',
    suspendedWithContract: 'ON_TRACK',
  };
  let byId: Record<string, string>;

  beforeAll(async () => {
    const mine = { counsellorId, agency: 'AGII' } as const;
    // A missed deadline (due 2026-04-10) and an open violation file.
    const violation = await contractSigned({ ...mine, signedOn: '2026-02-10' });
    await violation.expireDeadlines(SCENARIO_NOW);
    const dueYesterday = await contractSigned({ ...mine, signedOn: '2026-04-09' }); // open, due 2026-06-09
    const dueToday = await contractSigned({ ...mine, signedOn: '2026-04-10' });
    const dueIn14Days = await contractSigned({ ...mine, signedOn: '2026-04-24' });
    const dueIn15Days = await contractSigned({ ...mine, signedOn: '2026-04-25' });
    const registered = await opened({ ...mine, registeredOn: '2026-01-10' });
    const intakeDone = await opened({ ...mine, registeredOn: '2026-01-20' });
    await intakeDone.run({ type: 'RecordIntake', intakeOn: '2026-02-01' });
    const suspendedRegistered = await opened({ ...mine, registeredOn: '2026-02-01' });
    await suspendedRegistered.run({
      type: 'SuspendTrajectory',
      reason: 'ILLNESS',
      suspendedFrom: '2026-05-01',
    });
    const suspendedWithContract = await contractSigned({ ...mine, signedOn: '2026-05-01' });
    await suspendedWithContract.run({
      type: 'SuspendTrajectory',
      reason: 'ILLNESS',
      suspendedFrom: '2026-05-20',
    });
    byId = Object.fromEntries(
      Object.entries({
        violation,
        dueYesterday,
        dueToday,
        dueIn14Days,
        dueIn15Days,
        registered,
        intakeDone,
        suspendedRegistered,
        suspendedWithContract,
      }).map(([name, trajectory]) => [trajectory.trajectoryId, name]),
    );
  });

  const caseload = (filter: Omit<CaseloadFilter, 'counsellorId'> = {}) =>
    database.queries.caseload({ counsellorId, today: TODAY, ...filter });
  const named = (items: { trajectoryId: string }[]) => items.map((item) => byId[item.trajectoryId]);

  it('gives each case the group the domain gives it, on each edge of a group', async () => {
    const { items, total } = await caseload();

    expect(total).toBe(Object.keys(expected).length);
    for (const item of items) {
      const name = byId[item.trajectoryId]!;
      expect({ name, attention: item.attention }).toEqual({ name, attention: expected[name] });
      expect({ name, attention: item.attention }).toEqual({ name, attention: attentionOf(item, TODAY) });
    }
    expect(items.find((item) => byId[item.trajectoryId] === 'dueToday')?.nextDeadline?.dueOn).toBe(TODAY);
    expect(items.find((item) => byId[item.trajectoryId] === 'dueIn15Days')?.nextDeadline?.dueOn).toBe(
      '2026-06-25',
    );
  });

  it('orders by group, then the earliest due date (none last), then the earliest registration', async () => {
    expect(named((await caseload()).items)).toEqual([
      'dueYesterday', // OVERDUE: due 2026-06-09
      'violation', // OVERDUE: no open deadline left
      'dueToday', // DUE_SOON
      'dueIn14Days',
      'registered', // WAITING_FOR_ME: registered 2026-01-10
      'intakeDone', // registered 2026-01-20
      'dueIn15Days', // ON_TRACK: due 2026-06-25
      'suspendedWithContract', // no deadline running, registered 2025-12-01
      'suspendedRegistered', // registered 2026-02-01
    ]);
  });

  it('moves the cases between groups with the day', async () => {
    const { items } = await caseload({ today: calendarDate('2026-06-11') });
    const attentionOfCase = (name: string) =>
      items.find((item) => byId[item.trajectoryId] === name)?.attention;
    expect(attentionOfCase('dueToday')).toBe('OVERDUE');
    expect(attentionOfCase('dueIn15Days')).toBe('DUE_SOON');
    for (const item of items) expect(item.attention).toBe(attentionOf(item, calendarDate('2026-06-11')));
  });

  it('filters on a group and on the status, the total counting the cases that pass, a page at a time', async () => {
    for (const group of ATTENTION_GROUPS) {
      const names = Object.keys(expected).filter((name) => expected[name] === group);
      const { items, total } = await caseload({ attention: group });
      expect({ group, names: named(items).sort(), total }).toEqual({
        group,
        names: names.sort(),
        total: names.length,
      });
    }
    const suspended = await caseload({ status: 'SUSPENDED' });
    expect({ names: named(suspended.items), total: suspended.total }).toEqual({
      names: ['suspendedWithContract', 'suspendedRegistered'],
      total: 2,
    });
    const open = await caseload({ status: 'OPEN', attention: 'ON_TRACK' });
    expect({ names: named(open.items), total: open.total }).toEqual({ names: ['dueIn15Days'], total: 1 });
    const secondPage = await caseload({ attention: 'ON_TRACK', limit: 2, offset: 2 });
    expect({ names: named(secondPage.items), total: secondPage.total }).toEqual({
      names: ['suspendedRegistered'],
      total: 3,
    });
  });

  it('keeps the caller scope in the filtered list and its total', async () => {
    expect(await caseload({ attention: 'OVERDUE', scope: { agencies: ['ATLAS'] } })).toEqual({
      items: [],
      total: 0,
    });
    expect(await caseload({ status: 'OPEN', scope: { withViolationFile: true } })).toMatchObject({
      total: 1,
      items: [{ trajectoryId: Object.keys(byId).find((id) => byId[id] === 'violation') }],
    });
  });

  it('reads the whole filtered caseload in the order of its pages: its trajectories first, then its rows in chunks', async () => {
    const whole = async (filter: Omit<CaseloadFilter, 'counsellorId'>, chunkSize?: number) => {
      const calls: { trajectories?: string[]; rows?: CaseloadEntry[] }[] = [];
      const count = await database.queries.readWholeCaseload(
        { counsellorId, today: TODAY, ...filter },
        {
          trajectories: async (ids) => void calls.push({ trajectories: [...ids] }),
          rows: async (entries) => void calls.push({ rows: [...entries] }),
        },
        chunkSize,
      );
      return { count, calls, rows: calls.flatMap((call) => call.rows ?? []) };
    };
    const pages = [];
    for (const offset of [0, 4, 8]) pages.push(...(await caseload({ limit: 4, offset })).items);
    const inChunks = await whole({}, 4);
    expect(inChunks.rows).toEqual(pages);
    expect(inChunks.count).toBe(9);
    // The trajectories come first, in the rows' order; then chunks of at most four rows.
    expect(inChunks.calls[0]).toEqual({ trajectories: pages.map((entry) => entry.trajectoryId) });
    expect(inChunks.calls.slice(1).map((call) => call.rows?.length)).toEqual([4, 4, 1]);
    expect((await whole({})).rows).toEqual(pages);
    expect(named((await whole({ attention: 'ON_TRACK', status: 'SUSPENDED' })).rows)).toEqual([
      'suspendedWithContract',
      'suspendedRegistered',
    ]);
    expect(await whole({ scope: { agencies: ['ATLAS'] } })).toEqual({
      count: 0,
      calls: [{ trajectories: [] }],
      rows: [],
    });
    await expect(whole({}, 0)).rejects.toThrow(RangeError);
  });

  it('ends its snapshot and lets go of its connection when the reader fails (a client gone)', async () => {
    const gone = database.queries.readWholeCaseload(
      { counsellorId, today: TODAY },
      {
        trajectories: async () => undefined,
        rows: async () => Promise.reject(new Error('the client went away')),
      },
      2,
    );
    await expect(gone).rejects.toThrow('the client went away');
    const [{ open }] = await database.dataSource.query(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open).toBe(0);
  });

  it('refuses a day that is not a date', async () => {
    await expect(caseload({ today: '2026-02-30' as never })).rejects.toThrow(RangeError);
  });
});
