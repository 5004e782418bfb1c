import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { Case, caseOf } from './access-fixtures';

/**
 * Who sees which trajectories, end to end over HTTP with tokens from the embedded OpenID provider: agencies see
 * their own cases (another agency's is a 404, in every read, write and list), VDAB and Actiris the work-pillar
 * cases of their region with only the fields needed to match, a municipality's coordinator its residents'
 * participation pillar.
 */
describe('scopes', () => {
  let system: TestSystem;
  let gent: Case;
  let atlas: Case;
  let brussels: Case;

  beforeAll(async () => {
    system = await startTestSystem();
    [gent, atlas, brussels] = await Promise.all([
      caseOf(system, 'counsellor-gent', { agency: 'IN_GENT', municipality: 'Gent' }),
      caseOf(system, 'counsellor-atlas', { agency: 'ATLAS', municipality: 'Antwerpen' }),
      caseOf(system, 'counsellor-agii', { agency: 'AGII', municipality: 'Schaerbeek' }),
    ]);
  });
  afterAll(() => system?.close());

  const ids = (body: { items: { trajectoryId: string }[] }) => body.items.map((item) => item.trajectoryId);

  it("answers 404 to a counsellor for every read and write of another agency's case, and records nothing", async () => {
    const store = new EventStore(system.database);
    const before = await store.countEvents(gent.trajectoryId);
    const atlasCounsellor = () => system.http('counsellor-atlas');
    for (const [method, path, body] of [
      ['get', `/trajectories/${gent.trajectoryId}`],
      ['get', `/trajectories/${gent.trajectoryId}/timeline`],
      [
        'post',
        `/trajectories/${gent.trajectoryId}/suspension`,
        { reason: 'ILLNESS', suspendedFrom: daysAgo(1) },
      ],
      [
        'post',
        `/trajectories/${gent.trajectoryId}/transfer`,
        { toAgency: 'ATLAS', transferredOn: daysAgo(1) },
      ],
      [
        'post',
        `/trajectories/${gent.trajectoryId}/closure`,
        { reason: 'MOVED_OUT_OF_FLANDERS', closedOn: daysAgo(1) },
      ],
    ] as const) {
      const response =
        method === 'get' ? await atlasCounsellor().get(path) : await atlasCounsellor().post(path).send(body);
      expect([path, response.status]).toEqual([path, 404]);
      // The same answer as for a trajectory that does not exist: its existence is not disclosed.
      expect(response.body.detail).toBe(`trajectory ${gent.trajectoryId} not found`);
    }
    expect(await store.countEvents(gent.trajectoryId)).toBe(before);
    // Its own agency's counsellor reads it.
    await system.http('counsellor-gent').get(`/trajectories/${gent.trajectoryId}`).expect(200);
  });

  it("shows an agency none of another agency's rows in any list, whatever the filter asks", async () => {
    for (const identity of ['counsellor-atlas', 'manager-atlas']) {
      const caseload = await system.http(identity).get('/caseload').query({ agency: 'IN_GENT' }).expect(200);
      expect(caseload.body.total).toBe(0);
      const deadlines = await system.http(identity).get('/deadlines').query({ limit: 500 }).expect(200);
      expect(ids(deadlines.body)).toContain(atlas.trajectoryId);
      expect(ids(deadlines.body)).not.toContain(gent.trajectoryId);
      expect(ids(deadlines.body)).not.toContain(brussels.trajectoryId);
      const asked = await system.http(identity).get('/deadlines').query({ agency: 'IN_GENT' }).expect(200);
      expect(asked.body.total).toBe(0);
    }
    // Every page of its own agency's caseload (other test files add to it).
    const own: string[] = [];
    for (let offset = 0, total = 1; offset < total; offset += 500) {
      const page = await system
        .http('manager-gent')
        .get('/caseload')
        .query({ agency: 'IN_GENT', limit: 500, offset })
        .expect(200);
      own.push(...ids(page.body));
      total = page.body.total;
    }
    expect(own).toContain(gent.trajectoryId);
    expect(own).not.toContain(atlas.trajectoryId);
  });

  it('lets a counsellor open trajectories for their own agency only, and does not reveal another agency’s case', async () => {
    const person = newcomer({ agency: 'ATLAS', municipality: 'Antwerpen' });
    const foreign = await system.http('counsellor-gent').post('/trajectories').send(person).expect(403);
    expect(foreign.body.detail).toMatch(/IN_GENT opens trajectories for IN_GENT only/);

    // The person already has an open trajectory with Atlas: IN-Gent learns with whom, not its id.
    const duplicate = await system
      .http('counsellor-gent')
      .post('/trajectories')
      .send(newcomer({ nationalNumber: atlas.nationalNumber, birthDate: atlas.birthDate }))
      .expect(409);
    expect(duplicate.body.detail).toMatch(/open trajectory with ATLAS; arrange a transfer/);
    expect(JSON.stringify(duplicate.body)).not.toContain(atlas.trajectoryId);
  });

  it('shows VDAB the Flemish work-pillar cases with only the fields needed to match, Actiris the Brussels ones', async () => {
    const seen = await system.http('vdab-system').get(`/trajectories/${gent.trajectoryId}`).expect(200);
    expect(Object.keys(seen.body).sort()).toEqual(
      [
        'contractSignedOn',
        'deadlines',
        'familyName',
        'givenName',
        'nationalNumber',
        'status',
        'trajectoryId',
        'vdabRegisteredOn',
      ].sort(),
    );
    expect(seen.body.deadlines.map((deadline: { kind: string }) => deadline.kind)).toEqual([
      'VDAB_REGISTRATION',
    ]);
    await system.http('vdab-system').get(`/trajectories/${brussels.trajectoryId}`).expect(404);
    await system.http('actiris-system').get(`/trajectories/${brussels.trajectoryId}`).expect(200);
    await system.http('actiris-system').get(`/trajectories/${gent.trajectoryId}`).expect(404);

    // A partner records registrations, nothing else, and never reads the timeline.
    await system.http('vdab-system').get(`/trajectories/${gent.trajectoryId}/timeline`).expect(403);
    await system
      .http('vdab-system')
      .post(`/trajectories/${gent.trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(1) })
      .expect(403);
    await system
      .http('actiris-system')
      .post(`/trajectories/${gent.trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(2), vdabClientReference: 'ACTIRIS-1' })
      .expect(404);
    const recorded = await system
      .http('vdab-system')
      .post(`/trajectories/${gent.trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(2), vdabClientReference: 'VDAB-SCOPE-1' })
      .expect(200);
    expect(recorded.body.events).toContain('VdabRegistrationRecorded');

    // The actor in the legal record is the token's subject, role and organisation.
    const timeline = await system.http('counsellor-gent').get(`/trajectories/${gent.trajectoryId}/timeline`);
    expect(timeline.body.events.at(0)).toMatchObject({
      actor: 'counsellor-gent',
      metadata: { actor: 'counsellor-gent', actorRole: 'counsellor', actorOrganisation: 'IN_GENT' },
    });
    expect(
      timeline.body.events.find((event: { type: string }) => event.type === 'VdabRegistrationRecorded'),
    ).toMatchObject({
      actor: 'vdab-system',
      metadata: { actorRole: 'work-partner', actorOrganisation: 'VDAB' },
    });
  });

  it("shows a municipality's coordinator its residents' participation pillar and lets it log hours there only", async () => {
    const seen = await system.http('coordinator-gent').get(`/trajectories/${gent.trajectoryId}`).expect(200);
    expect(seen.body).not.toHaveProperty('nationalNumber');
    expect(seen.body).not.toHaveProperty('birthDate');
    expect(seen.body.pillars.map((pillar: { pillar: string }) => pillar.pillar)).toEqual(['PARTICIPATION']);
    await system.http('coordinator-gent').get(`/trajectories/${atlas.trajectoryId}`).expect(404);

    const activity = {
      kind: 'VOLUNTEERING',
      organisation: 'Buurthuis',
      startedOn: daysAgo(10),
      endedOn: daysAgo(9),
      hours: 3,
      municipality: 'Gent',
    };
    await system
      .http('coordinator-gent')
      .post(`/trajectories/${gent.trajectoryId}/participation/activities`)
      .send(activity)
      .expect(200);
    await system
      .http('coordinator-gent')
      .post(`/trajectories/${atlas.trajectoryId}/participation/activities`)
      .send(activity)
      .expect(404);
    await system
      .http('coordinator-gent')
      .post(`/trajectories/${gent.trajectoryId}/suspension`)
      .send({ reason: 'ILLNESS', suspendedFrom: daysAgo(1) })
      .expect(403);
    await system.http('coordinator-gent').get('/caseload').query({ agency: 'IN_GENT' }).expect(403);
    const hours = await system.http('coordinator-gent').get('/participation-hours').expect(200);
    expect(hours.body.items.every((item: { municipality: string }) => item.municipality === 'Gent')).toBe(
      true,
    );
    expect(hours.body.hours).toBeGreaterThanOrEqual(3);
  });

  it('shows a test centre the learners referred to it, their MO and NT2 pillars only, and lets it record results', async () => {
    const course = { provider: 'CVO Gent', course: 'NT2 A2 richtgraad 2', level: 'A2' };
    await system.http('test-centre-gent').get(`/trajectories/${gent.trajectoryId}`).expect(404);
    await system
      .http('counsellor-gent')
      .post(`/trajectories/${gent.trajectoryId}/nt2/referrals`)
      .send({ ...course, referredOn: daysAgo(15) })
      .expect(200);
    const seen = await system.http('test-centre-gent').get(`/trajectories/${gent.trajectoryId}`).expect(200);
    expect(seen.body).not.toHaveProperty('nationalNumber');
    expect(seen.body.pillars.map((pillar: { pillar: string }) => pillar.pillar)).toEqual(['MO', 'NT2']);
    await system
      .http('test-centre-gent')
      .post(`/trajectories/${gent.trajectoryId}/nt2/enrolments`)
      .send({ ...course, enrolledOn: daysAgo(10) })
      .expect(200);
    await system
      .http('test-centre-gent')
      .post(`/trajectories/${atlas.trajectoryId}/nt2/enrolments`)
      .send({ ...course, enrolledOn: daysAgo(10) })
      .expect(404);
    await system
      .http('test-centre-gent')
      .post(`/trajectories/${gent.trajectoryId}/nt2/referrals`)
      .send({ ...course, referredOn: daysAgo(9) })
      .expect(403);
  });

  it('gives the enforcement officer the violation queue of every agency but no case files, and the others no fines', async () => {
    await system.http('officer-abb').get('/violations').expect(200);
    await system.http('officer-abb').get(`/trajectories/${gent.trajectoryId}`).expect(403);
    await system
      .http('counsellor-gent')
      .post(`/trajectories/${gent.trajectoryId}/violations/x/decision`)
      .send({ decision: 'NO_FINE', decidedOn: daysAgo(0) })
      .expect(403);
    // Neither the data-protection officer nor the operator reads cases.
    await system.http('dpo').get(`/trajectories/${gent.trajectoryId}`).expect(403);
    await system.http('operator').get('/deadlines').expect(403);
  });
});
