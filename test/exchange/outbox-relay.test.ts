import { randomBytes, randomUUID } from 'node:crypto';
import { RunningOutboxRelay, startOutboxRelay } from '../../apps/worker/src/outbox/outbox-relay';
import { addDays, CalendarDate } from '../../libs/domain/src';
import { createLogger } from '../../libs/logging/src';
import { eventually } from '../support/eventually';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { PartnerEndpoint, ReceivedDelivery, signatureVerifies } from './support/partner-endpoint';
import { startRelayChild } from './support/relay-child';

/**
 * Issue 8 §2: the outbox relay delivers partners' messages at least once, in order per trajectory, signed, retried
 * with backoff while the partner is down, and gives up on a message that keeps failing (a dead letter operators
 * list and replay). A real HTTP server stands in for the partners; the relay runs as the worker runs it.
 */
describe('the outbox relay', () => {
  let system: TestSystem;
  let relay: RunningOutboxRelay;
  let endpoint: PartnerEndpoint;
  const secret = randomBytes(32);
  // VDAB's secret is being rotated: the relay signs with both, VDAB's receivers may hold either.
  const [oldVdabSecret, newVdabSecret] = [randomBytes(32), randomBytes(32)];
  const run = randomUUID().slice(0, 8);
  // Partners no other test addresses: test centres named for this run.
  const provider = `Relay Centre ${run}`;
  const strictProvider = `Strict Centre ${run}`;
  const crashProvider = `Crash Centre ${run}`;
  const TIMEOUT_MS = 1_500;
  const relayEnvironment = {
    OUTBOX_RELAY_CONCURRENCY: 4,
    OUTBOX_POLL_INTERVAL_MS: 100,
    OUTBOX_RETRY_BASE_MS: 200,
    OUTBOX_RETRY_MAX_MS: 1_000,
    OUTBOX_DELIVERY_TIMEOUT_MS: TIMEOUT_MS,
    OUTBOX_PARTNER_SECRETS: [
      `relay-test-${run}:${secret.toString('base64')}`,
      `rotation-${run}:${oldVdabSecret.toString('base64')}`,
      `rotation-${run}:${newVdabSecret.toString('base64')}`,
    ].join(','),
  };

  beforeAll(async () => {
    system = await startTestSystem();
    endpoint = await PartnerEndpoint.reserve();
    relay = await startOutboxRelay({
      environment: relayEnvironment,
      logger: createLogger('outbox-relay-test', { level: 'error' }),
    });
  });
  afterAll(async () => {
    await relay?.stop();
    await endpoint?.down();
    await system?.database.query(
      `UPDATE outbox_subscriptions SET active = false WHERE partner LIKE $1 OR secret_ref = $2`,
      [`%${run}`, `rotation-${run}`],
    );
    await system?.close();
  });

  const operator = () => system.http('operator');

  function subscribe(partner: string, path: string, maxAttempts: number) {
    return operator()
      .post('/outbox/subscriptions')
      .send({
        partner,
        eventKinds: ['LearnerReferred'],
        endpointUrl: endpoint.url(path),
        secretRef: `relay-test-${run}`,
        maxAttempts,
      });
  }

  async function signedTrajectory(): Promise<string> {
    const opened = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(60) }))
      .expect(201);
    const id = opened.body.trajectoryId as string;
    await system
      .http()
      .post(`/trajectories/${id}/intake`)
      .send({ intakeOn: daysAgo(50) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${id}/contract`)
      .send({ signedOn: daysAgo(40) })
      .expect(200);
    return id;
  }

  function refer(trajectoryId: string, to: string, course: string, daysBack: number) {
    return system
      .http()
      .post(`/trajectories/${trajectoryId}/nt2/referrals`)
      .send({ provider: to, course, level: 'A2', referredOn: daysAgo(daysBack) })
      .expect(200);
  }

  async function outboxOf(partner: string) {
    return (await system.database.query(
      `SELECT id, stream_id, state, attempts, last_error, event_version FROM outbox_messages
        WHERE destination = $1 ORDER BY position`,
      [partner],
    )) as {
      id: string;
      stream_id: string;
      state: string;
      attempts: number;
      last_error: string | null;
      event_version: number;
    }[];
  }

  it('a partner down for a while receives every message afterwards, in order per trajectory, once after deduplication, signed', async () => {
    const partner = `test-centre:${provider}`;
    const created = await subscribe(partner, '/notifications', 50).expect(201);
    expect(created.body).toMatchObject({ partner, maxAttempts: 50, active: true, pending: 0 });
    expect((await subscribe(partner, '/notifications', 50)).status).toBe(200);

    // The partner is down (nothing listens on its port) while the counsellors refer learners.
    const trajectories: string[] = [];
    for (let t = 0; t < 4; t++) trajectories.push(await signedTrajectory());
    for (let course = 1; course <= 3; course++)
      for (const id of trajectories) await refer(id, provider, `NT2 course ${course}`, 30 - course);

    const failedWhileDown = await eventually(async () => {
      const messages = await outboxOf(partner);
      expect(messages).toHaveLength(12);
      expect(messages.every((message) => message.state === 'PENDING')).toBe(true);
      expect(Math.max(...messages.map((message) => message.attempts))).toBeGreaterThanOrEqual(2);
      return messages;
    }, 30_000);
    expect(failedWhileDown.map((message) => message.last_error)).toContain('connection refused');
    expect(endpoint.received).toEqual([]);

    // Then it listens but answers 503 for a while.
    endpoint.behaviour = () => ({ status: 503 });
    await endpoint.up();
    await eventually(async () => {
      expect(endpoint.received.filter((delivery) => delivery.status === 503).length).toBeGreaterThanOrEqual(
        6,
      );
    }, 30_000);
    expect((await outboxOf(partner)).every((message) => message.state === 'PENDING')).toBe(true);

    // Then it accepts; one answer comes too late (the partner processed it, the relay timed out and sends again).
    const accepting = Date.now();
    let slowAnswerGiven = false;
    endpoint.behaviour = (delivery) => {
      if (!slowAnswerGiven && delivery.body.data.course === 'NT2 course 2') {
        slowAnswerGiven = true;
        return { status: 200, delayMs: TIMEOUT_MS + 1_000 };
      }
      return { status: 200 };
    };
    const delivered = await eventually(async () => {
      const messages = await outboxOf(partner);
      expect(messages.map((message) => message.state)).toEqual(Array(12).fill('DELIVERED'));
      return messages;
    }, 60_000);

    const received = endpoint.received.filter((delivery) => delivery.path === '/notifications');
    const once = endpoint.processedOnce('/notifications');
    // Exactly once after deduplication on the message id: every enqueued message, nothing else.
    expect(once.map((delivery) => delivery.messageId).sort()).toEqual(
      delivered.map((message) => message.id).sort(),
    );
    expect(received.filter((delivery) => delivery.processed).length).toBeGreaterThan(once.length);
    // In order per trajectory: the partner processed each trajectory's referrals in the order they were made...
    for (const id of trajectories) {
      expect(
        once.filter((delivery) => delivery.body.trajectoryId === id).map((d) => d.body.data.course),
      ).toEqual(['NT2 course 1', 'NT2 course 2', 'NT2 course 3']);
    }
    // ...and never received a message before the earlier ones of its trajectory were processed.
    for (const [index, delivery] of received.entries()) {
      const earlier = delivered.filter(
        (message) =>
          message.stream_id === delivery.body.trajectoryId &&
          message.event_version < delivery.body.trajectoryVersion,
      );
      const processedBefore = new Set(
        received
          .slice(0, index)
          .filter((d) => d.processed)
          .map((d) => d.messageId),
      );
      for (const message of earlier) expect(processedBefore.has(message.id)).toBe(true);
    }
    // Signed: every request verifies with the partner's secret, and its id header is the body's id.
    for (const delivery of received) {
      expect(signatureVerifies(delivery, secret)).toBe(true);
      expect(delivery.body.id).toBe(delivery.messageId);
    }
    expect(signatureVerifies(received[0], randomBytes(32))).toBe(false);
    // Only what the test centre needs: no national number, no name.
    expect(received.map((delivery) => delivery.rawBody).join('\n')).not.toMatch(
      /nationalNumber|Haddad|Amina/,
    );

    const attempts = (await system.database.query(
      `SELECT sum(attempts)::int AS attempts FROM outbox_messages WHERE destination = $1`,
      [partner],
    )) as { attempts: number }[];
    process.stdout.write(
      `outbox relay: ${delivered.length} messages, ${attempts[0].attempts} recorded attempts ` +
        `(${failedWhileDown.reduce((sum, message) => sum + message.attempts, 0)} refused while down); ` +
        `${received.length} requests received (${received.filter((d) => d.status === 503).length} answered 503, ` +
        `${received.filter((d) => d.processed).length - once.length} duplicates); all delivered ` +
        `${((Date.now() - accepting) / 1000).toFixed(1)} s after the partner accepted\n`,
    );
    const { body: subscriptions } = await operator().get('/outbox/subscriptions').expect(200);
    expect(subscriptions.find((s: { partner: string }) => s.partner === partner)).toMatchObject({
      pending: 0,
      dead: 0,
      delivered: 12,
    });
  });

  it('a moved VDAB deadline sends VDAB a new notice, signed with the old and the new secret while it is rotated', async () => {
    const path = `/vdab-${run}`;
    const subscribed = await operator()
      .post('/outbox/subscriptions')
      .send({
        partner: 'VDAB',
        eventKinds: ['NewcomerMustRegister'],
        endpointUrl: endpoint.url(path),
        secretRef: `rotation-${run}`,
        maxAttempts: 20,
      });
    expect([200, 201]).toContain(subscribed.status);
    endpoint.behaviour = () => ({ status: 200 });
    await endpoint.up();

    const id = await signedTrajectory(); // the registration is due two months after the contract, 40 days ago
    await system
      .http()
      .post(`/trajectories/${id}/suspension`)
      .send({ reason: 'ILLNESS', suspendedFrom: daysAgo(20) })
      .expect(200);
    await system
      .http()
      .post(`/trajectories/${id}/resumption`)
      .send({ resumedOn: daysAgo(5) })
      .expect(200, { trajectoryId: id, version: 8, events: ['TrajectoryResumed', 'DeadlineMoved'] });

    const notices = await eventually(async () => {
      const mine = endpoint.processedOnce(path).filter((delivery) => delivery.body.trajectoryId === id);
      expect(mine).toHaveLength(2);
      return mine;
    }, 30_000);
    const [first, moved] = notices.map((delivery) => delivery.body);
    expect(first).toMatchObject({ type: 'NewcomerMustRegister', trajectoryVersion: 5 });
    expect(first!.data.previousDueOn).toBeUndefined();
    expect(moved).toMatchObject({
      type: 'NewcomerMustRegister',
      trajectoryVersion: 8,
      data: {
        dueOn: addDays(first!.data.dueOn as CalendarDate, 15),
        previousDueOn: first!.data.dueOn,
        deadlineId: first!.data.deadlineId,
        nationalNumber: first!.data.nationalNumber,
      },
    });
    // A receiver holding only the old secret and one holding only the new one both verify every delivery.
    for (const delivery of endpoint.received.filter((received) => received.path === path)) {
      expect(delivery.signature.split(' ')).toHaveLength(2);
      expect(signatureVerifies(delivery, oldVdabSecret)).toBe(true);
      expect(signatureVerifies(delivery, newVdabSecret)).toBe(true);
      expect(signatureVerifies(delivery, secret)).toBe(false);
    }
  });

  it('a message that keeps failing becomes a dead letter that holds its trajectory back; operators list and replay it', async () => {
    const partner = `test-centre:${strictProvider}`;
    await subscribe(partner, '/strict', 3).expect(201);
    let refusing = true;
    endpoint.behaviour = (delivery) =>
      delivery.path === '/strict' && refusing && delivery.body.data.course === 'Unknown course'
        ? { status: 422 }
        : { status: 200 };
    await endpoint.up();

    const [poisoned, other] = [await signedTrajectory(), await signedTrajectory()];
    await refer(poisoned, strictProvider, 'Unknown course', 20);
    await refer(poisoned, strictProvider, 'NT2 course 1', 19);
    await refer(other, strictProvider, 'NT2 course 1', 19);

    const dead = await eventually(async () => {
      const { body } = await operator().get('/outbox/dead-letters').query({ partner }).expect(200);
      expect(body).toHaveLength(1);
      return body[0];
    }, 30_000);
    expect(dead).toMatchObject({
      partner,
      kind: 'LearnerReferred',
      trajectoryId: poisoned,
      state: 'DEAD',
      attempts: 3,
      lastError: 'HTTP 422',
      replays: 0,
      blockedBehind: 1,
    });
    expect(JSON.stringify(dead)).not.toMatch(/course|nationalNumber/);
    // The other trajectory is not held back; the poisoned one's later referral is.
    await eventually(async () => {
      const messages = await outboxOf(partner);
      expect(messages.map((message) => [message.stream_id, message.state])).toEqual([
        [poisoned, 'DEAD'],
        [poisoned, 'PENDING'],
        [other, 'DELIVERED'],
      ]);
    }, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const strict = () => endpoint.received.filter((delivery) => delivery.path === '/strict');
    expect(
      strict()
        .filter((delivery) => delivery.body.trajectoryId === poisoned)
        .map((d) => d.status),
    ).toEqual([422, 422, 422]);

    // Only operators see or replay the dead letters.
    await system.http('counsellor-gent').get('/outbox/dead-letters').expect(403);
    await system.http('counsellor-gent').post(`/outbox/dead-letters/${dead.messageId}/replay`).expect(403);
    const notUuid = await operator().post('/outbox/dead-letters/not-a-uuid/replay').expect(400);
    expect(notUuid.body.errors).toEqual([expect.objectContaining({ field: 'messageId' })]);
    await operator().post(`/outbox/dead-letters/${randomUUID()}/replay`).expect(404);

    // The partner fixes its side; the operator replays; the held-back message follows it, in order.
    refusing = false;
    const replayed = await operator().post(`/outbox/dead-letters/${dead.messageId}/replay`).expect(200);
    expect(replayed.body).toMatchObject({
      messageId: dead.messageId,
      state: 'PENDING',
      attempts: 0,
      replays: 1,
    });
    await eventually(async () => {
      const messages = await outboxOf(partner);
      expect(messages.map((message) => message.state)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    }, 20_000);
    const poisonedCourses = strict()
      .filter((delivery) => delivery.body.trajectoryId === poisoned && delivery.processed)
      .map((delivery: ReceivedDelivery) => delivery.body.data.course);
    expect(poisonedCourses).toEqual(['Unknown course', 'NT2 course 1']);
    const again = await operator().post(`/outbox/dead-letters/${dead.messageId}/replay`).expect(409);
    expect(again.body.detail).toMatch(/DELIVERED, not a dead letter/);
    const { body: remaining } = await operator().get('/outbox/dead-letters').query({ partner }).expect(200);
    expect(remaining).toEqual([]);
  });

  it('a relay killed mid-delivery loses nothing: the message is delivered again after a restart, once after deduplication', async () => {
    // Separate processes deliver now, so that one can be killed (SIGKILL) while it waits for the partner.
    await relay.stop();
    const partner = `test-centre:${crashProvider}`;
    await subscribe(partner, '/crash', 10).expect(201);
    let hanging = true;
    endpoint.behaviour = (delivery) =>
      delivery.path === '/crash' && hanging ? { status: 200, delayMs: 60_000 } : { status: 200 };
    await endpoint.up();
    const childEnvironment = Object.fromEntries(
      Object.entries({ ...relayEnvironment, OUTBOX_DELIVERY_TIMEOUT_MS: 60_000 }).map(([key, value]) => [
        key,
        String(value),
      ]),
    );
    const crash = () => endpoint.received.filter((delivery) => delivery.path === '/crash');

    const first = await startRelayChild(childEnvironment);
    const id = await signedTrajectory();
    for (let course = 1; course <= 3; course++)
      await refer(id, crashProvider, `NT2 course ${course}`, 30 - course);
    // The partner has the first message and is slow to answer: the relay is mid-delivery when it dies.
    await eventually(async () => expect(crash()).toHaveLength(1), 30_000);
    await first.kill();
    const afterKill = await outboxOf(partner);
    expect(afterKill.map((message) => [message.state, message.attempts])).toEqual([
      ['PENDING', 0],
      ['PENDING', 0],
      ['PENDING', 0],
    ]);

    hanging = false;
    const second = await startRelayChild(childEnvironment);
    try {
      await eventually(async () => {
        const messages = await outboxOf(partner);
        expect(messages.map((message) => message.state)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
      }, 30_000);
    } finally {
      await second.kill();
    }
    // Delivered again after the restart (at least once), and exactly once after deduplication, in order.
    expect(crash()[1].messageId).toBe(crash()[0].messageId);
    const once = endpoint.processedOnce('/crash');
    expect(once.map((delivery) => delivery.messageId)).toEqual(afterKill.map((message) => message.id));
    expect(once.map((delivery) => delivery.body.data.course)).toEqual([
      'NT2 course 1',
      'NT2 course 2',
      'NT2 course 3',
    ]);
  });

  it('refuses a subscription with bad fields, naming each', async () => {
    const { body } = await operator()
      .post('/outbox/subscriptions')
      .send({
        partner: 'Somebody',
        eventKinds: ['Gossip'],
        endpointUrl: 'ftp://x',
        secretRef: 'a b',
        maxAttempts: 0,
      })
      .expect(400);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'endpointUrl',
      'eventKinds',
      'maxAttempts',
      'partner',
      'secretRef',
    ]);
    await system.http('counsellor-gent').get('/outbox/subscriptions').expect(403);
  });
});
