import { OutboxRelayStore } from '../../libs/store/src';
import type { ClaimedMessage } from '../../libs/store/src';
import { CLAIM_NEXT_OF_KIND } from '../../libs/store/src/outbox/outbox-relay.store';
import { useStoreTestDatabase } from '../store/store-test-database';

/**
 * The outbox relay's claim (issue 8 §2): one partner's due messages of one subscribed kind at a time. Messages no
 * subscription asks for are never read, a partner's backlog does not hold the others back, and a trajectory's
 * messages still go out in the order they were enqueued, across kinds. On a database of its own: the subscriptions
 * of other test files would take part in the claims.
 */
const database = useStoreTestDatabase({ ownDatabase: true });

const UNSUBSCRIBED = 4_000;

describe('the outbox relay claim', () => {
  let store: OutboxRelayStore;

  beforeEach(async () => {
    await database.dataSource.query('TRUNCATE outbox_messages, outbox_subscriptions');
    store = new OutboxRelayStore(database.dataSource);
  });

  function subscribe(partner: string, kinds: string[]): Promise<unknown> {
    return database.dataSource.query(
      `INSERT INTO outbox_subscriptions (partner, event_kinds, endpoint_url, secret_ref, max_attempts, deliver_from)
       VALUES ($1, $2, 'http://127.0.0.1:9/never-called', 'claim-test', 3, now() - interval '1 hour')`,
      [partner, kinds],
    );
  }

  /** `count` pending messages for `partner` of `kind`, about the trajectories `<prefix>-0`, `<prefix>-1`, … */
  function enqueue(partner: string, kind: string, prefix: string, count = 1): Promise<unknown> {
    return database.dataSource.query(
      `INSERT INTO outbox_messages (destination, type, payload, stream_id, event_version)
       SELECT $1, $2, jsonb_build_object('note', repeat('x', 200)), $3 || '-' || n, 1
         FROM generate_series(0, $4 - 1) AS n`,
      [partner, kind, prefix, count],
    );
  }

  /** One relay step that delivers whatever it claims; what it claimed, or undefined when idle. */
  async function deliverOne(): Promise<ClaimedMessage | undefined> {
    let claimed: ClaimedMessage | undefined;
    const step = await store.deliverNext(
      async (message) => {
        claimed = message;
        return { delivered: true };
      },
      { retryDelayMs: () => 1_000 },
    );
    return step.outcome === 'idle' ? undefined : claimed;
  }

  it('never reads the messages no subscription asks for, however many wait', async () => {
    await subscribe('test-centre:Claim', ['LearnerReferred']);
    await enqueue('test-centre:Claim', 'CourseCancelled', 'unsubscribed-kind', UNSUBSCRIBED);
    await enqueue('municipality:Nowhere', 'LearnerReferred', 'unsubscribed-partner', UNSUBSCRIBED);
    await enqueue('test-centre:Claim', 'LearnerReferred', 'subscribed');
    await database.dataSource.query('ANALYZE outbox_messages');

    const delivered = await deliverOne();
    expect(delivered).toMatchObject({
      partner: 'test-centre:Claim',
      kind: 'LearnerReferred',
      trajectoryId: 'subscribed-0',
    });
    expect(await deliverOne()).toBeUndefined();

    // The idle claim's plan: the pages it touched, against the pages the waiting messages fill.
    const touched = await database.dataSource.transaction(async (manager) => {
      const [
        {
          'QUERY PLAN': [plan],
        },
      ] = await manager.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CLAIM_NEXT_OF_KIND}`, [
        'test-centre:Claim',
        'LearnerReferred',
      ]);
      return plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'];
    });
    const [{ pages }] = await database.dataSource.query(
      `SELECT pg_relation_size('outbox_messages') / current_setting('block_size')::int AS pages`,
    );
    expect(Number(pages)).toBeGreaterThan(200);
    expect(touched).toBeLessThanOrEqual(12);
    const [{ waiting }] = await database.dataSource.query(
      `SELECT count(*)::int AS waiting FROM outbox_messages WHERE state = 'PENDING'`,
    );
    expect(waiting).toBe(2 * UNSUBSCRIBED);
  });

  it('takes the partners in turn, so one partner with a backlog does not keep another waiting', async () => {
    await subscribe('test-centre:Busy', ['LearnerReferred']);
    await subscribe('test-centre:Quiet', ['LearnerReferred']);
    await enqueue('test-centre:Busy', 'LearnerReferred', 'busy', 50);
    await enqueue('test-centre:Quiet', 'LearnerReferred', 'quiet', 2);

    const partners: string[] = [];
    for (let step = 0; step < 4; step++) partners.push((await deliverOne())!.partner);
    expect(partners.filter((partner) => partner === 'test-centre:Quiet')).toHaveLength(2);
  });

  it("keeps a trajectory's order across the kinds of one subscription", async () => {
    await subscribe('municipality:Gent', ['LearnerReferred', 'ParticipationStarted']);
    // Enqueued first, of the kind the claim's turn reaches second.
    await enqueue('municipality:Gent', 'ParticipationStarted', 'ordered');
    await enqueue('municipality:Gent', 'LearnerReferred', 'ordered');

    const first = await deliverOne();
    const second = await deliverOne();
    expect([first?.kind, second?.kind]).toEqual(['ParticipationStarted', 'LearnerReferred']);
    expect(await deliverOne()).toBeUndefined();
  });
});
