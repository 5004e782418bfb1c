import { randomUUID } from 'node:crypto';
import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { trajectoryIdFor } from '../../apps/api/src/trajectories/command-ids';

/** Bad input gets a clear error naming the problem, and the event store is left exactly as it was. */
describe('rejected requests', () => {
  let system: TestSystem;
  let store: EventStore;

  beforeAll(async () => {
    system = await startTestSystem();
    store = new EventStore(system.database);
  });
  afterAll(() => system?.close());

  async function expectNothingWritten(action: () => Promise<void>): Promise<void> {
    const before = await store.countEvents();
    await action();
    expect(await store.countEvents()).toBe(before);
  }

  it('an invalid national number is a 400 naming the field and the reason', async () => {
    await expectNothingWritten(async () => {
      const person = newcomer();
      const wrongChecksum =
        person.nationalNumber.slice(0, 9) +
        String((Number(person.nationalNumber.slice(9)) + 1) % 100).padStart(2, '0');
      const response = await system
        .http()
        .post('/trajectories')
        .send({ ...person, nationalNumber: wrongChecksum })
        .expect(400);
      expect(JSON.stringify(response.body)).toMatch(/nationalNumber/);
      expect(JSON.stringify(response.body)).toMatch(/checksum/);
    });
  });

  it('a test deadline clock is a 400 naming the field when the API does not enable test clocks', async () => {
    await expectNothingWritten(async () => {
      const key = randomUUID();
      const response = await system
        .http()
        .post('/trajectories')
        .set('Idempotency-Key', key)
        .send({ ...newcomer(), testDeadlineClock: { msPerDay: 1_000 } })
        .expect(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          field: 'testDeadlineClock',
          detail: expect.stringMatching(/TEST_DEADLINE_CLOCKS/),
        }),
      ]);
      await system
        .http()
        .get(`/trajectories/${trajectoryIdFor(key)}`)
        .expect(404);
    });
  });

  it('missing fields are a 400 naming each of them', async () => {
    await expectNothingWritten(async () => {
      const { givenName: _givenName, birthDate: _birthDate, ...incomplete } = newcomer();
      const response = await system.http().post('/trajectories').send(incomplete).expect(400);
      expect(JSON.stringify(response.body)).toMatch(/givenName/);
      expect(JSON.stringify(response.body)).toMatch(/birthDate/);
    });
  });

  it('a birth date that does not match the national number is refused with the reason, naming neither date', async () => {
    await expectNothingWritten(async () => {
      const person = newcomer({ birthDate: '1985-07-30' });
      const response = await system
        .http()
        .post('/trajectories')
        .send({ ...person, birthDate: '1985-07-31' });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'RULE_VIOLATION',
        field: 'birthDate',
        reason: 'BIRTH_DATE_NOT_IN_NATIONAL_NUMBER',
        params: {},
        detail: 'birthDate does not match the birth date in the national number',
      });
      // A birth date is personal data: it stays out of error messages.
      expect(JSON.stringify(response.body)).not.toMatch(/1985-07-3[01]/);
    });
  });

  it('an unknown trajectory is a 404', async () => {
    await expectNothingWritten(async () => {
      const id = randomUUID();
      await system.http().get(`/trajectories/${id}`).expect(404);
      await system.http().get(`/trajectories/${id}/timeline`).expect(404);
      const response = await system
        .http()
        .post(`/trajectories/${id}/intake`)
        .send({ intakeOn: daysAgo(1) })
        .expect(404);
      expect(response.body.detail).toContain(id);
    });
  });

  it('an out-of-order command is a 409 with the reason, and changes nothing', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(5) }))
      .expect(201);
    const { trajectoryId } = body;
    await expectNothingWritten(async () => {
      const response = await system
        .http()
        .post(`/trajectories/${trajectoryId}/contract`)
        .send({ signedOn: daysAgo(1) })
        .expect(409);
      expect(response.body.detail).toMatch(/intake/);
    });
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(4) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(3) })
      .expect(200);
    await expectNothingWritten(async () => {
      const second = await system
        .http()
        .post(`/trajectories/${trajectoryId}/contract`)
        .send({ signedOn: daysAgo(2) })
        .expect(409);
      expect(second.body.detail).toMatch(/already signed/);
    });
  });

  it('a create the rules refuse starts no workflow: nothing is left behind in Temporal', async () => {
    const person = newcomer({ registeredOn: '1900-01-01' });
    await expectNothingWritten(async () => {
      const response = await system
        .http()
        .post('/trajectories')
        .set('Idempotency-Key', `refused-${person.nationalNumber}`)
        .send(person)
        .expect(422);
      expect(response.body).toMatchObject({ field: 'registeredOn' });
    });
    const workflows = system.temporal.workflow.list({
      query: `TaskQueue = '${system.taskQueue}' AND ExecutionStatus = 'Running'`,
    });
    const running: string[] = [];
    for await (const workflow of workflows) running.push(workflow.workflowId);
    expect(running).not.toContain(`trajectory-${trajectoryIdFor(`refused-${person.nationalNumber}`)}`);
  });

  it('a rule violation is a 422 naming the field', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(5) }))
      .expect(201);
    await expectNothingWritten(async () => {
      const response = await system
        .http()
        .post(`/trajectories/${body.trajectoryId}/intake`)
        .send({ intakeOn: daysAgo(6) })
        .expect(422);
      expect(response.body).toMatchObject({ field: 'intakeOn' });
      expect(response.body.detail).toMatch(/before the registration/);
      // The reason and its parameters, for a client to word in its reader's language (through the workflow).
      expect(response.body).toMatchObject({
        reason: 'BEFORE_REGISTRATION',
        params: { field: 'intakeOn', earliest: daysAgo(5) },
      });
    });
  });

  it('a second open trajectory for the same person is a 409', async () => {
    const person = newcomer({ registeredOn: daysAgo(5) });
    const { body: first } = await system.http().post('/trajectories').send(person).expect(201);
    await expectNothingWritten(async () => {
      const { body } = await system.http().post('/trajectories').send(person).expect(409);
      expect(body).toMatchObject({
        field: 'nationalNumber',
        reason: 'NEWCOMER_HAS_OPEN_TRAJECTORY',
        params: { trajectoryId: first.trajectoryId, agency: person.agency },
        openTrajectoryId: first.trajectoryId,
      });
    });
  });

  it('a VDAB registration on a closed trajectory is a 409', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(5) }))
      .expect(201);
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/closure`)
      .send({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: daysAgo(1) })
      .expect(200);
    await expectNothingWritten(async () => {
      const response = await system
        .http()
        .post(`/trajectories/${trajectoryId}/vdab-registration`)
        .send({ registeredOn: daysAgo(1), vdabClientReference: 'VDAB-9' })
        .expect(409);
      expect(response.body.detail).toMatch(/closed/);
      expect(response.body).toMatchObject({
        reason: 'TRAJECTORY_CLOSED',
        params: { closureReason: 'MOVED_OUT_OF_FLANDERS', closedOn: daysAgo(1) },
      });
    });
  });
});
