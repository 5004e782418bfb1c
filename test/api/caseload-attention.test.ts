import { randomUUID } from 'node:crypto';
import { attentionOf, calendarDateAt } from '../../libs/domain/src';
import type { CaseloadEntry } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * GET /caseload decides each case's attention group on today in Brussels, as the domain does, orders by it and
 * filters on it and on the status, in the JSON and in the CSV alike, within the caller's scope.
 */
describe('the caseload by attention group, through the API', () => {
  let system: TestSystem;
  const counsellorId = `counsellor-attention-${randomUUID()}`;
  const ids: Record<string, string> = {};
  const nameOf = (trajectoryId: string) =>
    Object.keys(ids).find((name) => ids[name] === trajectoryId) ?? trajectoryId;

  beforeAll(async () => {
    system = await startTestSystem();
    const post = (path: string, body: object) => system.http().post(path).send(body).expect(200);
    const open = async (name: string, registeredOn: string) => {
      const person = newcomer({
        registeredOn,
        counsellorId,
        agency: 'IN_GENT',
        familyName: `Aandacht-${name}`,
      });
      ids[name] = (await system.http().post('/trajectories').send(person).expect(201)).body.trajectoryId;
      return ids[name]!;
    };
    /** The VDAB registration falls due 2 months after the contract. */
    const withContract = async (name: string, signedOn: string) => {
      const id = await open(name, daysAgo(100));
      await post(`/trajectories/${id}/intake`, { intakeOn: daysAgo(95) });
      await post(`/trajectories/${id}/contract`, { signedOn });
      return id;
    };
    await open('waiting', daysAgo(20));
    await withContract('overdue', daysAgo(70));
    await withContract('dueSoon', daysAgo(55));
    await withContract('onTrack', daysAgo(20));
    const suspended = await withContract('suspended', daysAgo(10));
    await post(`/trajectories/${suspended}/suspension`, { reason: 'ILLNESS', suspendedFrom: daysAgo(1) });
  });
  afterAll(() => system?.close());

  const caseload = (query: Record<string, unknown>, identity = 'counsellor-gent') =>
    system
      .http(identity)
      .get('/caseload')
      .query({ counsellorId, ...query });

  it('gives each case the attention group the domain gives it today, the most urgent first', async () => {
    const { body } = await caseload({}).expect(200);
    const today = calendarDateAt(Date.now());

    expect(body.items.map((item: CaseloadEntry) => [nameOf(item.trajectoryId), item.attention])).toEqual([
      ['overdue', 'OVERDUE'],
      ['dueSoon', 'DUE_SOON'],
      ['waiting', 'WAITING_FOR_ME'],
      ['onTrack', 'ON_TRACK'],
      ['suspended', 'ON_TRACK'],
    ]);
    for (const item of body.items as CaseloadEntry[]) {
      expect({ name: nameOf(item.trajectoryId), attention: item.attention }).toEqual({
        name: nameOf(item.trajectoryId),
        attention: attentionOf(item, today),
      });
    }
    expect(body.total).toBe(5);
  });

  it('filters on the attention group and the status, the total counting what passes', async () => {
    const names = (body: { items: CaseloadEntry[] }) => body.items.map((item) => nameOf(item.trajectoryId));
    const dueSoon = (await caseload({ attention: 'DUE_SOON' }).expect(200)).body;
    expect({ names: names(dueSoon), total: dueSoon.total }).toEqual({ names: ['dueSoon'], total: 1 });
    const onTrack = (await caseload({ attention: 'ON_TRACK', limit: 1, offset: 1 }).expect(200)).body;
    expect({ names: names(onTrack), total: onTrack.total }).toEqual({ names: ['suspended'], total: 2 });
    const suspended = (await caseload({ status: 'SUSPENDED' }).expect(200)).body;
    expect({ names: names(suspended), total: suspended.total }).toEqual({ names: ['suspended'], total: 1 });
    // A manager's agency-wide list with the counsellor narrowed, and the same filters.
    const managed = (
      await caseload(
        { agency: 'IN_GENT', attention: 'WAITING_FOR_ME', status: 'OPEN' },
        'manager-gent',
      ).expect(200)
    ).body;
    expect({ names: names(managed), total: managed.total }).toEqual({ names: ['waiting'], total: 1 });
  });

  it('keeps the filtered list within the caller scope', async () => {
    const other = await caseload({ agency: 'IN_GENT', attention: 'OVERDUE' }, 'counsellor-atlas').expect(200);
    expect(other.body).toMatchObject({ items: [], total: 0 });
  });

  it('exports the filtered list as CSV, with each case’s attention group', async () => {
    const csv = await caseload({ attention: 'ON_TRACK', format: 'csv' }).expect(200);
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('attention');
    expect(rows.map((row) => [nameOf(row.split(',')[0]!), row.split(',').at(-1)])).toEqual([
      ['onTrack', 'ON_TRACK'],
      ['suspended', 'ON_TRACK'],
    ]);
  });

  it('exports the whole filtered caseload in one answer: the cases and order of its pages, each one audited', async () => {
    const paged: string[] = [];
    for (let offset = 0; ; offset += 2) {
      const { body } = await caseload({ limit: 2, offset }).expect(200);
      paged.push(...body.items.map((item: CaseloadEntry) => item.trajectoryId));
      if (body.items.length < 2) break;
    }
    const whole = (query: Record<string, unknown>, identity = 'counsellor-gent') =>
      system
        .http(identity)
        .get('/caseload/export')
        .query({ counsellorId, ...query });
    const { body } = await whole({}).expect(200);
    expect(body.total).toBe(5);
    expect(body.items.map((item: CaseloadEntry) => item.trajectoryId)).toEqual(paged);

    const csv = await whole({ status: 'OPEN', format: 'csv' }).expect(200);
    expect(csv.headers['content-disposition']).toMatch(/caseload\.csv/);
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe(
      'trajectoryId,givenName,familyName,status,phase,agency,counsellorId,registeredOn,nextDeadline.kind,' +
        'nextDeadline.dueOn,missedDeadlines,openViolations,attention',
    );
    expect(rows.map((row) => nameOf(row.split(',')[0]!))).toEqual([
      'overdue',
      'dueSoon',
      'waiting',
      'onTrack',
    ]);

    const [entry] = await system.database.query(
      `SELECT trajectory_ids FROM personal_data_access
        WHERE resource = '/caseload/export' AND actor = 'counsellor-gent' AND status = 200
        ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect([...entry.trajectory_ids].sort()).toEqual(paged.filter((id) => nameOf(id) !== 'suspended').sort());

    // Within the caller's scope, like the pages; a page's limit is not a filter of the whole list.
    expect((await whole({ agency: 'IN_GENT' }, 'counsellor-atlas').expect(200)).body).toEqual({
      items: [],
      total: 0,
    });
    const refused = await whole({ limit: 2 }).expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'limit',
        detail: expect.stringMatching(/should not exist/),
        reason: 'INPUT_NOT_DOCUMENTED',
        params: { field: 'limit' },
      },
    ]);
  });

  it.each([
    [
      'attention',
      'LATE',
      /attention must be one of the following values: OVERDUE, DUE_SOON, WAITING_FOR_ME, ON_TRACK/,
    ],
    ['status', 'CLOSED', /status must be one of the following values: OPEN, SUSPENDED/],
  ])(
    'refuses %s=%s with problem details naming the field, for JSON and CSV',
    async (field, value, detail) => {
      for (const format of ['json', 'csv']) {
        const refused = await caseload({ [field]: value, format }).expect(400);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({
          status: 400,
          errors: [{ field, detail: expect.stringMatching(detail) }],
        });
      }
    },
  );
});
