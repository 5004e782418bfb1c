import { EventStore } from '../../libs/store/src';
import { eventually } from '../support/eventually';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * A failure that is not the data's fault and outlasts the append's retries (here: a trigger that makes PostgreSQL
 * fail every insert of one trajectory's events, as a broken migration or a full disk would) opens an incident: the
 * command is held, other commands are refused with the reason at once, operators see the incident with its cause
 * (no personal data), and after the fix a retry records the held command's events exactly once.
 */
describe('an incident', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.database.query(`DROP TRIGGER IF EXISTS incident_test_failure ON events`);
    await system?.close();
  });

  async function breakAppendsOf(trajectoryId: string): Promise<void> {
    await system.database.query(`
      CREATE OR REPLACE FUNCTION incident_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id = '${trajectoryId}' THEN RAISE EXCEPTION 'injected failure for the incident test'; END IF;
        RETURN NEW;
      END $$`);
    await system.database.query(
      `CREATE TRIGGER incident_test_failure BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION incident_test_failure()`,
    );
  }

  it('holds the command, refuses others with the reason, and records the command once after a retry', async () => {
    const person = newcomer({ registeredOn: daysAgo(10) });
    const { body: opened } = await system.http().post('/trajectories').send(person).expect(201);
    const { trajectoryId } = opened;
    await breakAppendsOf(trajectoryId);

    const intake = () =>
      system
        .http()
        .post(`/trajectories/${trajectoryId}/intake`)
        .set('Idempotency-Key', `intake-${trajectoryId}`)
        .send({ intakeOn: daysAgo(9) });
    const held = intake().then((response) => response);

    const incident = await eventually(async () => {
      const { body } = await system.http('operator').get('/incidents').expect(200);
      const found = (body as { trajectoryId: string }[]).find((item) => item.trajectoryId === trajectoryId);
      if (!found) throw new Error('no incident yet');
      return found as Record<string, unknown>;
    }, 45_000);
    expect(incident).toMatchObject({ state: 'OPEN', commandType: 'RecordIntake', retries: 0 });
    expect(incident.cause).toMatch(/P0001.*injected failure/);
    for (const personal of [person.nationalNumber, person.givenName, person.familyName, person.birthDate])
      expect(JSON.stringify(incident)).not.toContain(personal);

    // Another command is refused at once, with the reason, instead of hanging behind the held one.
    const started = Date.now();
    const refused = await system
      .http()
      .post(`/trajectories/${trajectoryId}/suspension`)
      .send({ reason: 'ILLNESS', suspendedFrom: daysAgo(1), explanation: 'hospitalised' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`incident ${String(incident.incidentId)}`);

    // A retry before the fix fails again and says why; the incident stays open.
    await system
      .http('operator')
      .post(`/incidents/${String(incident.incidentId)}/retry`)
      .expect(200)
      .expect(({ body }) =>
        expect(body).toMatchObject({ resolved: false, cause: expect.stringMatching(/P0001/) }),
      );

    await system.database.query(`DROP TRIGGER incident_test_failure ON events`);
    await system
      .http('operator')
      .post(`/incidents/${String(incident.incidentId)}/retry`)
      .expect(200, { incidentId: incident.incidentId, resolved: true });

    // The held command completes: its first request (if it waited that long) or a retry with the same key.
    const first = await held;
    const answer = first.status === 200 ? first : await intake();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ trajectoryId, version: 2, events: ['IntakeRecorded'] });
    await intake().expect(200, answer.body);

    const { body: resolved } = await system.http('operator').get('/incidents?state=RESOLVED').expect(200);
    expect(resolved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ incidentId: incident.incidentId, state: 'RESOLVED', retries: 1 }),
      ]),
    );
    await system
      .http('operator')
      .post(`/incidents/${String(incident.incidentId)}/retry`)
      .expect(409);

    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(8) })
      .expect(200);
    const stored = await new EventStore(system.database).readStream(trajectoryId);
    expect(stored.map((event) => event.type)).toEqual([
      'TrajectoryOpened',
      'IntakeRecorded',
      'ContractSigned',
      'PillarsDetermined',
      'DeadlineSet',
    ]);
    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'local-activity-incident-retried');
  });
});
