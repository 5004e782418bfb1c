import { EventStore } from '../../libs/store/src';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/** Clients retry (timeouts, flaky networks): an Idempotency-Key makes a retry give the same answer and one event. */
describe('Idempotency-Key', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('a retried registration opens one trajectory and answers the same', async () => {
    const person = newcomer({ registeredOn: daysAgo(3) });
    const key = `create-${person.nationalNumber}`;
    const first = await system
      .http()
      .post('/trajectories')
      .set('Idempotency-Key', key)
      .send(person)
      .expect(201);
    const second = await system
      .http()
      .post('/trajectories')
      .set('Idempotency-Key', key)
      .send(person)
      .expect(201);
    expect(second.body).toEqual(first.body);
    expect(await new EventStore(system.database).countEvents(first.body.trajectoryId)).toBe(1);
  });

  it('a retried command writes its events once; the same key with another body is refused', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(3) }))
      .expect(201);
    const { trajectoryId } = body;
    const store = new EventStore(system.database);
    const intake = () =>
      system
        .http()
        .post(`/trajectories/${trajectoryId}/intake`)
        .set('Idempotency-Key', 'intake-1')
        .send({ intakeOn: daysAgo(2) });

    const first = await intake().expect(200);
    const retried = await intake().expect(200);
    expect(retried.body).toEqual(first.body);
    expect(await store.countEvents(trajectoryId)).toBe(2);

    const reused = await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .set('Idempotency-Key', 'intake-1')
      .send({ intakeOn: daysAgo(1) })
      .expect(422);
    expect(reused.body.detail).toContain('Idempotency-Key');
    expect(await store.countEvents(trajectoryId)).toBe(2);
  });
});
