import { startTestSystem, TestSystem } from '../support/system';

/** The policy plan's actions (issue 9 §5) on the real stack: the migration's import, status changes, reports. */
describe('policy plan actions', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  const coordinator = () => system.http('policy-coordinator');

  it('holds the 151 actions of the 2016-2017 report, each with its import event', async () => {
    const { body } = await system.http('manager-agii').get('/policy-actions').expect(200);
    expect(body.total).toBe(151);
    expect(body.items[0]).toMatchObject({
      number: '1.1.1',
      minister: 'Philippe Muyters',
      status: 'EXTENDED',
    });
    const [{ count }] = await system.database.query<{ count: string }[]>(
      `SELECT count(*) FROM policy_action_events WHERE type = 'PolicyActionImported'`,
    );
    expect(Number(count)).toBe(151);
    const filtered = await system
      .http('manager-gent')
      .get('/policy-actions')
      .query({ minister: 'Sven Gatz', status: 'NOT_STARTED' })
      .expect(200);
    expect(filtered.body.items.map((action: { number: string }) => action.number)).toEqual(['2.2.11']);
  });

  it('refuses DELAYED, DROPPED and NOT_STARTED without an explanation, naming the field, and changes nothing', async () => {
    for (const status of ['DELAYED', 'DROPPED', 'NOT_STARTED']) {
      for (const body of [{ status }, { status, explanation: '  ' }, { status, explanation: null }]) {
        const response = await coordinator().post('/policy-actions/1.1.2/status').send(body).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['explanation']);
      }
    }
    const { body: history } = await coordinator().get('/policy-actions/1.1.2/history').expect(200);
    expect(history.items).toHaveLength(1);
  });

  it('accepts the other statuses without an explanation, and records who and when', async () => {
    const before = Date.now();
    for (const status of ['NEW', 'IN_PROGRESS', 'EXTENDED', 'DONE']) {
      const { body } = await coordinator().post('/policy-actions/1.1.3/status').send({ status }).expect(200);
      expect(body).toMatchObject({ number: '1.1.3', status, explanation: null });
    }
    const { body } = await coordinator()
      .post('/policy-actions/1.1.3/status')
      .send({ status: 'DELAYED', explanation: 'Wacht op de evaluatie.' })
      .expect(200);
    expect(body).toMatchObject({ status: 'DELAYED', explanation: 'Wacht op de evaluatie.', version: 6 });

    const { body: history } = await system
      .http('manager-atlas')
      .get('/policy-actions/1.1.3/history')
      .expect(200);
    expect(history.items.map((entry: { type: string }) => entry.type)).toEqual([
      'PolicyActionImported',
      ...Array(5).fill('PolicyActionStatusChanged'),
    ]);
    const last = history.items[5];
    expect(last).toMatchObject({
      version: 6,
      actor: 'policy-coordinator',
      actorRole: 'policy-coordinator',
      actorOrganisation: 'ABB',
      data: { from: 'DONE', to: 'DELAYED', explanation: 'Wacht op de evaluatie.' },
    });
    expect(Date.parse(last.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses an explanation for a status that takes none (422 naming it), a repeat (409) and an unknown action (404)', async () => {
    const explained = await coordinator()
      .post('/policy-actions/1.1.4/status')
      .send({ status: 'DONE', explanation: 'Klaar.' })
      .expect(422);
    expect(explained.body).toMatchObject({ field: 'explanation', code: 'RULE_VIOLATION' });
    await coordinator().post('/policy-actions/1.1.4/status').send({ status: 'IN_PROGRESS' }).expect(409);
    await coordinator().post('/policy-actions/9.9.9/status').send({ status: 'DONE' }).expect(404);
    const badStatus = await coordinator()
      .post('/policy-actions/1.1.4/status')
      .send({ status: 'FINISHED' })
      .expect(400);
    expect(badStatus.body.errors.map((error: { field: string }) => error.field)).toEqual(['status']);
    await coordinator().post('/policy-actions/x/status').send({ status: 'DONE' }).expect(400);
  });

  it('lets only the policy coordinator change a status', async () => {
    await system
      .http('manager-agii')
      .post('/policy-actions/1.1.5/status')
      .send({ status: 'DONE' })
      .expect(403);
    await system.http('counsellor-agii').get('/policy-actions').expect(403);
  });

  it('reports per minister and portfolio and the share per status, as JSON and CSV', async () => {
    const { body: shares } = await coordinator().get('/policy-actions/status-shares').expect(200);
    expect(shares.total).toBe(151);
    const counts = Object.fromEntries(
      shares.statuses.map((share: { status: string; count: number }) => [share.status, share.count]),
    );
    const [{ count: done }] = await system.database.query<{ count: string }[]>(
      `SELECT count(*) FROM policy_actions WHERE status = 'DONE'`,
    );
    expect(counts.DONE).toBe(Number(done));
    expect(Object.values(counts).reduce((sum: number, count) => sum + (count as number), 0)).toBe(151);

    const { body: byMinister } = await coordinator().get('/policy-actions/by-minister').expect(200);
    const homans = byMinister.items.filter(
      (group: { minister: string }) => group.minister === 'Liesbeth Homans',
    );
    expect(homans.reduce((sum: number, group: { total: number }) => sum + group.total, 0)).toBe(41);
    const integration = homans.find(
      (group: { portfolio: string }) => group.portfolio === 'Integratie en Inburgering',
    );
    expect(integration.total).toBe(
      Object.values(integration.byStatus as Record<string, number>).reduce((sum, count) => sum + count, 0),
    );

    const csv = await coordinator().get('/policy-actions/status-shares?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('status,count,share');
    expect(csv.text.trim().split('\r\n')).toHaveLength(8);
    const list = await coordinator().get('/policy-actions?format=csv&status=DROPPED').expect(200);
    expect(list.text.trim().split('\r\n')).toHaveLength(1 + 8);
    const report = await coordinator().get('/policy-actions/by-minister?format=csv').expect(200);
    expect(report.text.split('\r\n')[0]).toBe(
      'minister,portfolio,total,NEW,IN_PROGRESS,DONE,EXTENDED,DELAYED,DROPPED,NOT_STARTED',
    );
  });

  it('keeps the import idempotent: loading again adds nothing and keeps the changes', async () => {
    const { loadPolicyActions } = await import('../../libs/store/src/policy-plan');
    const result = await loadPolicyActions((sql, parameters) => system.database.query(sql, parameters));
    expect(result.imported).toBe(0);
    const { body } = await coordinator().get('/policy-actions/1.1.3').expect(200);
    expect(body.status).toBe('DELAYED');
  });
});
