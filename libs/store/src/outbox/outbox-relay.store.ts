import { DataSource, QueryRunner } from 'typeorm';
import type { ClaimedMessage, DeliveryOutcome, RelayStep } from './outbox.types';

/**
 * The next message of one subscribed kind to deliver to one partner, locked for the claiming transaction
 * (FOR UPDATE SKIP LOCKED: relays in other workers pass over it): a pending, due message whose partner has no
 * earlier undelivered (pending or dead) message of a subscribed kind about the same trajectory. So a partner
 * receives a trajectory's messages in the order they were enqueued, and a dead letter holds the later ones of its
 * trajectory back until it is replayed. One kind at a time, through the index on (destination, type, due time):
 * messages nobody subscribed to (a partner without a subscription, or a kind its subscription leaves out) are never
 * read, however many wait.
 */
export const CLAIM_NEXT_OF_KIND = `
  SELECT m.id, m.destination, m.type, m.stream_id, m.event_version, m.created_at, m.payload, m.attempts,
         s.endpoint_url, s.secret_ref, s.max_attempts
    FROM outbox_subscriptions s
    JOIN outbox_messages m ON m.destination = s.partner
   WHERE s.partner = $1 AND s.active AND $2 = ANY (s.event_kinds)
     AND m.type = $2 AND m.state = 'PENDING' AND m.next_attempt_at <= now() AND m.created_at >= s.deliver_from
     AND NOT EXISTS (
       SELECT 1 FROM outbox_messages earlier
        WHERE earlier.destination = m.destination AND earlier.stream_id = m.stream_id
          AND earlier.position < m.position AND earlier.state <> 'DELIVERED'
          AND earlier.type = ANY (s.event_kinds) AND earlier.created_at >= s.deliver_from)
   ORDER BY m.next_attempt_at, m.position
   LIMIT 1
   FOR UPDATE OF m SKIP LOCKED`;

/** Every (partner, kind) an active subscription asks for, in a fixed order. */
const SUBSCRIBED_KINDS = `
  SELECT s.partner, kind FROM outbox_subscriptions s, unnest(s.event_kinds) AS kind
   WHERE s.active ORDER BY s.partner, kind`;

interface ClaimedRow {
  id: string;
  destination: string;
  type: string;
  stream_id: string;
  event_version: number;
  created_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
  endpoint_url: string;
  secret_ref: string;
  max_attempts: number;
}

export interface RelayStepOptions {
  /** How long to wait before the next attempt after `attempt` failed attempts (1 = the first failed). */
  retryDelayMs(attempt: number): number;
}

/** The relay's side of the outbox: claim one message, deliver it while holding its lock, record the outcome. */
export class OutboxRelayStore {
  /**
   * Where the next claim starts in the list of subscribed kinds: each step starts one further, so a partner with a
   * long backlog does not keep the others waiting.
   */
  private turn = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * One delivery in one transaction. The message stays locked while `deliver` runs; if the process dies, the
   * transaction ends with its connection and the message is pending again (delivered at least once: partners
   * deduplicate on the message id).
   */
  async deliverNext(
    deliver: (message: ClaimedMessage) => Promise<DeliveryOutcome>,
    options: RelayStepOptions,
  ): Promise<RelayStep> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const row = await this.claimNext(runner);
      if (!row) {
        await runner.commitTransaction();
        return { outcome: 'idle' };
      }
      const message = toClaimed(row);
      const result = await deliver(message);
      const attempt = message.attempts + 1;
      let outcome: 'delivered' | 'retrying' | 'dead';
      if (result.delivered) {
        outcome = 'delivered';
        await runner.query(
          `UPDATE outbox_messages
              SET state = 'DELIVERED', sent_at = now(), attempts = $2, last_attempt_at = now(), last_error = NULL
            WHERE id = $1`,
          [message.messageId, attempt],
        );
      } else if (attempt >= message.maxAttempts) {
        outcome = 'dead';
        await runner.query(
          `UPDATE outbox_messages
              SET state = 'DEAD', dead_at = now(), attempts = $2, last_attempt_at = now(), last_error = $3
            WHERE id = $1`,
          [message.messageId, attempt, result.error],
        );
      } else {
        outcome = 'retrying';
        await runner.query(
          `UPDATE outbox_messages
              SET attempts = $2, last_attempt_at = now(), last_error = $3,
                  next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
            WHERE id = $1`,
          [message.messageId, attempt, result.error, options.retryDelayMs(attempt)],
        );
      }
      await runner.commitTransaction();
      return {
        outcome,
        messageId: message.messageId,
        partner: message.partner,
        attempt,
        ...(result.delivered ? {} : { error: result.error }),
      };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The first due message found, trying each subscribed kind once, from this step's turn on. */
  private async claimNext(runner: QueryRunner): Promise<ClaimedRow | undefined> {
    const kinds = (await runner.query(SUBSCRIBED_KINDS)) as { partner: string; kind: string }[];
    const start = this.turn++;
    for (let offset = 0; offset < kinds.length; offset++) {
      const { partner, kind } = kinds[(start + offset) % kinds.length];
      const [row] = (await runner.query(CLAIM_NEXT_OF_KIND, [partner, kind])) as ClaimedRow[];
      if (row) return row;
    }
    return undefined;
  }
}

function toClaimed(row: ClaimedRow): ClaimedMessage {
  return {
    messageId: row.id,
    partner: row.destination,
    kind: row.type,
    trajectoryId: row.stream_id,
    eventVersion: row.event_version,
    createdAt: new Date(row.created_at).toISOString(),
    payload: row.payload,
    attempts: row.attempts,
    endpointUrl: row.endpoint_url,
    secretRef: row.secret_ref,
    maxAttempts: row.max_attempts,
  };
}
