import { randomUUID } from 'node:crypto';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { Case, caseOf } from './access-fixtures';

/** The audit trail of personal-data access (issue 6 §3), end to end over HTTP. */
describe('audit trail', () => {
  let system: TestSystem;
  let gent: Case;

  beforeAll(async () => {
    system = await startTestSystem();
    gent = await caseOf(system, 'counsellor-gent', { agency: 'IN_GENT', municipality: 'Gent' });
  });
  afterAll(() => system?.close());

  const entriesOf = async (correlationId: string) =>
    system.database.query<Record<string, unknown>[]>(
      `SELECT actor, actor_role, actor_organisation, action, resource, trajectory_ids, purpose, status
         FROM personal_data_access WHERE correlation_id = $1`,
      [correlationId],
    );

  it('records every read and write of personal data exactly once, with actor, purpose and resource', async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ['summary', () => system.http('counsellor-gent').get(`/trajectories/${gent.trajectoryId}`)],
      ['timeline', () => system.http('counsellor-gent').get(`/trajectories/${gent.trajectoryId}/timeline`)],
      ['caseload', () => system.http('manager-gent').get('/caseload').query({ agency: 'IN_GENT' })],
      ['vdab', () => system.http('vdab-system').get(`/trajectories/${gent.trajectoryId}`)],
    ];
    for (const [name, call] of calls) {
      const correlationId = randomUUID();
      // One request id per call, so that its entries can be counted.
      const response = (await withRequestId(call, correlationId)) as { status: number };
      expect([name, response.status]).toEqual([name, 200]);
      const entries = await entriesOf(correlationId);
      expect([name, entries.length]).toEqual([name, 1]);
      expect(entries[0]).toMatchObject({ purpose: 'integration test', status: 200 });
    }
    const [read] = await entriesOf(
      await lastCorrelation(() => system.http('vdab-system').get(`/trajectories/${gent.trajectoryId}`)),
    );
    expect(read).toMatchObject({
      actor: 'vdab-system',
      actor_role: 'work-partner',
      actor_organisation: 'VDAB',
      action: 'trajectory.read',
      resource: `/trajectories/${gent.trajectoryId}`,
      trajectory_ids: [gent.trajectoryId],
    });
    // A list's entry names the trajectories of the page it answered (other test files add to this caseload, so
    // the page is compared, not a case expected on it).
    const listed = randomUUID();
    const page = (await withRequestId(
      () => system.http('manager-gent').get('/caseload').query({ agency: 'IN_GENT', limit: 500 }),
      listed,
    )) as { body: { items: { trajectoryId: string }[] } };
    const [list] = await entriesOf(listed);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect([...(list.trajectory_ids as string[])].sort()).toEqual(
      page.body.items.map((item) => item.trajectoryId).sort(),
    );
  });

  it("needs a purpose to open a case outside one's caseload, and records it", async () => {
    const person = newcomer({ registeredOn: daysAgo(5), counsellorId: 'another-counsellor' });
    const { body } = await system.http('counsellor-gent').post('/trajectories').send(person).expect(201);
    const refused = await system
      .http('counsellor-gent', { purpose: null })
      .get(`/trajectories/${body.trajectoryId}`)
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain(
      'X-Audit-Purpose is required to open a case outside your caseload',
    );
    const correlationId = randomUUID();
    await system
      .http('counsellor-gent', { purpose: 'covering for a colleague on leave' })
      .get(`/trajectories/${body.trajectoryId}`)
      .set('X-Request-Id', correlationId)
      .expect(200);
    const [entry] = await system.database.query(
      'SELECT purpose, outside_caseload FROM personal_data_access WHERE correlation_id = $1',
      [correlationId],
    );
    expect(entry).toEqual({ purpose: 'covering for a colleague on leave', outside_caseload: true });
  });

  it('is readable by the data-protection officer only: by person, by user, by period, and as CSV', async () => {
    await system.http('coordinator-gent').get(`/trajectories/${gent.trajectoryId}`).expect(200);
    for (const identity of ['counsellor-gent', 'manager-gent', 'operator', 'officer-abb']) {
      await system.http(identity).get('/audit').expect(403);
    }
    const today = daysAgo(0);
    const whoLooked = await system
      .http('dpo')
      .get('/audit')
      .query({ trajectoryId: gent.trajectoryId, from: today, to: today, limit: 500 })
      .expect(200);
    const actors = new Set(whoLooked.body.items.map((item: { actor: string }) => item.actor));
    expect([...actors]).toEqual(
      expect.arrayContaining(['counsellor-gent', 'vdab-system', 'coordinator-gent']),
    );
    expect(
      whoLooked.body.items.every((item: { trajectoryIds: string[] }) =>
        item.trajectoryIds.includes(gent.trajectoryId),
      ),
    ).toBe(true);

    const byUser = await system.http('dpo').get('/audit').query({ actor: 'coordinator-gent' }).expect(200);
    expect(byUser.body.items.every((item: { actor: string }) => item.actor === 'coordinator-gent')).toBe(
      true,
    );
    expect(byUser.body.total).toBeGreaterThanOrEqual(1);
    // Up to yesterday (Brussels): the entries recorded before today's midnight there. A run that starts before
    // midnight has some; the period is checked against the table itself.
    const yesterday = await system
      .http('dpo')
      .get('/audit')
      .query({ to: daysAgo(1) })
      .expect(200);
    const [{ beforeToday }] = await system.database.query(
      `SELECT count(*)::int AS "beforeToday" FROM personal_data_access
        WHERE occurred_at < ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'`,
      [daysAgo(0)],
    );
    expect(yesterday.body.total).toBe(beforeToday);

    // The same entries as CSV. Other test files may read this case meanwhile (a caseload list of Ghent holds it), and
    // the trail only grows: the export holds every entry listed before it and none that the list after it lacks.
    const filter = { trajectoryId: gent.trajectoryId, from: today, to: today, limit: 500 };
    const csv = await system
      .http('dpo')
      .get('/audit')
      .query({ ...filter, format: 'csv' })
      .expect(200);
    const listedAfter = await system.http('dpo').get('/audit').query(filter).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,actor,actorRole,actorOrganisation,action,method,resource,trajectoryIds,purpose,outsideCaseload,status,correlationId',
    );
    const exported = lines.slice(1).map((line) => line.split(',')[0]);
    const idsOf = (listed: { body: { items: { id: string }[] } }) => listed.body.items.map(({ id }) => id);
    expect(exported).toEqual(expect.arrayContaining(idsOf(whoLooked)));
    expect(idsOf(listedAfter)).toEqual(expect.arrayContaining(exported));
    expect(exported.length).toBeGreaterThanOrEqual(whoLooked.body.total);
    await system
      .http('dpo')
      .get('/audit')
      .query({ from: today, to: daysAgo(1) })
      .expect(400);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(
      system.database.query(`UPDATE personal_data_access SET purpose = 'rewritten'`),
    ).rejects.toThrow(/append-only/);
    await expect(system.database.query('DELETE FROM personal_data_access')).rejects.toThrow(/append-only/);
    await expect(system.database.query('TRUNCATE personal_data_access')).rejects.toThrow(/append-only/);
  });
});

/** Runs a request built by `call` with an X-Request-Id. */
async function withRequestId(call: () => unknown, correlationId: string): Promise<unknown> {
  const test = call() as { set(name: string, value: string): PromiseLike<unknown> };
  return test.set('X-Request-Id', correlationId);
}

async function lastCorrelation(call: () => unknown): Promise<string> {
  const correlationId = randomUUID();
  await withRequestId(call, correlationId);
  return correlationId;
}
