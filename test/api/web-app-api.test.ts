import { randomUUID } from 'node:crypto';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';

/**
 * What the web app added to the API: the search by name or national number (scope in SQL, a purpose required and
 * recorded), and the reconciliation queue worked by a partner's mediator (its own rows; links only within its scope).
 */
describe('the API for the web app', () => {
  let system: TestSystem;
  let trajectoryId: string;
  let nationalNumber: string;
  const familyName = `Zoek${Date.now()}`;

  beforeAll(async () => {
    system = await startTestSystem();
    const person = newcomer({
      familyName,
      givenName: 'Layla',
      registeredOn: daysAgo(10),
      counsellorId: 'counsellor-gent',
    });
    nationalNumber = person.nationalNumber;
    trajectoryId = (await system.http().post('/trajectories').send(person).expect(201)).body.trajectoryId;
  });
  afterAll(() => system?.close());

  const search = (identity: string, q: string, purpose: string | null = 'web app test') =>
    system.http(identity, { purpose }).get('/caseload/search').query({ q });

  it('finds a person by national number (any separators) or part of the name, within the caller scope only', async () => {
    const dotted = `${nationalNumber.slice(0, 2)}.${nationalNumber.slice(2, 4)}.${nationalNumber.slice(4, 6)}-${nationalNumber.slice(6, 9)}.${nationalNumber.slice(9)}`;
    const hit = { trajectoryId, givenName: 'Layla', familyName, status: 'OPEN', agency: 'IN_GENT' };
    expect((await search('counsellor-gent', dotted).expect(200)).body).toEqual({ items: [hit] });
    expect((await search('counsellor-gent', `layla ${familyName.toLowerCase()}`).expect(200)).body).toEqual({
      items: [hit],
    });
    expect((await search('manager-gent', familyName).expect(200)).body.items).toEqual([hit]);
    // Another agency's counsellor does not find the person; the coordinator of the municipality does.
    expect((await search('counsellor-atlas', nationalNumber).expect(200)).body).toEqual({ items: [] });
    expect((await search('coordinator-gent', familyName).expect(200)).body.items).toEqual([hit]);
    // A LIKE wildcard is text, not a pattern.
    expect((await search('counsellor-gent', '%%').expect(200)).body).toEqual({ items: [] });
  });

  it('refuses a search without a purpose, names a bad q, and records the purpose with the persons found', async () => {
    const missing = await search('counsellor-gent', familyName, null).expect(400);
    expect(missing.body.errors).toEqual([
      { field: 'X-Audit-Purpose', detail: expect.stringMatching(/required to search for a person/) },
    ]);
    expect((await search('counsellor-gent', 'a').expect(400)).body.errors).toEqual([
      { field: 'q', detail: 'q must be longer than or equal to 2 characters' },
    ]);
    await system.http('officer-abb').get('/caseload/search').query({ q: familyName }).expect(403);

    const correlationId = randomUUID();
    await search('counsellor-gent', familyName, 'phone call from the newcomer')
      .set('X-Request-Id', correlationId)
      .expect(200);
    const entries = await system.database.query(
      `SELECT action, purpose, trajectory_ids FROM personal_data_access WHERE correlation_id = $1`,
      [correlationId],
    );
    expect(entries).toEqual([
      { action: 'trajectory.read', purpose: 'phone call from the newcomer', trajectory_ids: [trajectoryId] },
    ]);
  });

  it("lets a partner's mediator work its own partner's rows, and link only to a trajectory in its scope", async () => {
    const register = async (partner: 'VDAB' | 'ACTIRIS') => {
      const partnerDossierId = `${partner}-${randomUUID()}`;
      const { body } = await system
        .http(partner === 'VDAB' ? 'vdab-system' : 'actiris-system')
        .post('/registrations')
        .send({
          partner,
          nationalNumber: uniqueIdentity().nationalNumber,
          registeredOn: daysAgo(1),
          office: `${partner} office`,
          partnerDossierId,
        })
        .expect(200);
      return { itemId: body.reconciliationItemId as string, partnerDossierId };
    };
    const { itemId: vdab, partnerDossierId: vdabDossier } = await register('VDAB');
    const { itemId: actiris, partnerDossierId: actirisDossier } = await register('ACTIRIS');
    const queue = (query: Record<string, unknown>) =>
      system.http('vdab-mediator').get('/reconciliation').query(query).expect(200);

    // The queue holds the other test files' items too (the oldest first): a registration is found by its dossier id.
    expect((await queue({ state: 'OPEN', partnerDossierId: vdabDossier })).body).toMatchObject({
      items: [{ itemId: vdab, partner: 'VDAB', partnerDossierId: vdabDossier }],
      total: 1,
    });
    // Actiris's item lies outside the VDAB mediator's scope: not found, as if it did not exist.
    expect((await queue({ partnerDossierId: actirisDossier })).body).toMatchObject({ items: [], total: 0 });
    const page = (await queue({ state: 'OPEN', limit: 500 })).body.items as { partner: string }[];
    expect(new Set(page.map(({ partner }) => partner))).toEqual(new Set(['VDAB']));
    const tooLong = await system
      .http('vdab-mediator')
      .get('/reconciliation')
      .query({ partnerDossierId: 'x'.repeat(65) })
      .expect(400);
    expect(tooLong.body.errors).toEqual([
      {
        field: 'partnerDossierId',
        detail: 'partnerDossierId must be shorter than or equal to 64 characters',
        reason: 'INPUT_TOO_LONG',
        params: { field: 'partnerDossierId', maxLength: 64 },
      },
    ]);
    await system.http('vdab-mediator').get('/reconciliation').query({ agency: 'IN_GENT' }).expect(403);
    await system
      .http('vdab-mediator')
      .post(`/reconciliation/${actiris}/dismiss`)
      .send({ reason: 'not ours' })
      .expect(404);

    // No work pillar yet (no contract): the trajectory lies outside VDAB's scope, answered like one that does not exist.
    await system
      .http('vdab-mediator')
      .post(`/reconciliation/${vdab}/link`)
      .send({ trajectoryId })
      .expect(404);
    const dismissed = await system
      .http('vdab-mediator')
      .post(`/reconciliation/${vdab}/dismiss`)
      .send({ reason: 'job seeker without a trajectory' })
      .expect(200);
    expect(dismissed.body).toMatchObject({ state: 'DISMISSED', resolvedBy: 'vdab-mediator' });
  });
});
