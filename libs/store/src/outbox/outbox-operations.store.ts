import { DataSource } from 'typeorm';
import type { DeadLetterView, OutboxSubscriptionInput, OutboxSubscriptionView } from './outbox.types';

const SUBSCRIPTION_COLUMNS = `
  s.partner, s.event_kinds, s.endpoint_url, s.secret_ref, s.max_attempts, s.active, s.deliver_from, s.created_at,
  s.updated_at,
  count(m.id) FILTER (WHERE m.state = 'PENDING')::int AS pending,
  count(m.id) FILTER (WHERE m.state = 'DEAD')::int AS dead,
  count(m.id) FILTER (WHERE m.state = 'DELIVERED')::int AS delivered`;

const SUBSCRIPTION_MESSAGES = `
  LEFT JOIN outbox_messages m
    ON m.destination = s.partner AND m.type = ANY (s.event_kinds) AND m.created_at >= s.deliver_from`;

interface SubscriptionRow {
  partner: string;
  event_kinds: string[];
  endpoint_url: string;
  secret_ref: string;
  max_attempts: number;
  active: boolean;
  deliver_from: Date;
  created_at: Date;
  updated_at: Date;
  pending: number;
  dead: number;
  delivered: number;
}

interface DeadLetterRow {
  id: string;
  destination: string;
  type: string;
  stream_id: string;
  event_version: number;
  state: DeadLetterView['state'];
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  dead_at: Date | null;
  replays: number;
  created_at: Date;
  blocked_behind: number;
}

const DEAD_LETTER_COLUMNS = `
  m.id, m.destination, m.type, m.stream_id, m.event_version, m.state, m.attempts, m.last_error, m.last_attempt_at,
  m.dead_at, m.replays, m.created_at,
  (SELECT count(*)::int FROM outbox_messages later
    WHERE later.destination = m.destination AND later.stream_id = m.stream_id AND later.position > m.position
      AND later.state = 'PENDING') AS blocked_behind`;

/** What operators do with the outbox: the subscriptions, the dead letters and their replay. No message bodies. */
export class OutboxOperationsStore {
  constructor(private readonly dataSource: DataSource) {}

  async listSubscriptions(): Promise<OutboxSubscriptionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM outbox_subscriptions s ${SUBSCRIPTION_MESSAGES}
        GROUP BY s.partner ORDER BY s.partner`,
    )) as SubscriptionRow[];
    return rows.map(toSubscriptionView);
  }

  async findSubscription(partner: string): Promise<OutboxSubscriptionView | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM outbox_subscriptions s ${SUBSCRIPTION_MESSAGES}
        WHERE s.partner = $1 GROUP BY s.partner`,
      [partner],
    )) as SubscriptionRow[];
    return row ? toSubscriptionView(row) : null;
  }

  /** Creates or replaces a partner's subscription; `deliverFrom` defaults to now for a new one and is kept otherwise. */
  async saveSubscription(input: OutboxSubscriptionInput): Promise<{ created: boolean }> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO outbox_subscriptions AS s
         (partner, event_kinds, endpoint_url, secret_ref, max_attempts, active, deliver_from)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()))
       ON CONFLICT (partner) DO UPDATE
         SET event_kinds = EXCLUDED.event_kinds, endpoint_url = EXCLUDED.endpoint_url,
             secret_ref = EXCLUDED.secret_ref, max_attempts = EXCLUDED.max_attempts, active = EXCLUDED.active,
             deliver_from = coalesce($7::timestamptz, s.deliver_from), updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [
        input.partner,
        input.eventKinds,
        input.endpointUrl,
        input.secretRef,
        input.maxAttempts,
        input.active ?? true,
        input.deliverFrom ?? null,
      ],
    )) as { created: boolean }[];
    return { created: row.created };
  }

  async listDeadLetters(filter: { partner?: string; limit: number }): Promise<DeadLetterView[]> {
    const parameters: unknown[] = [filter.limit];
    let where = `m.state = 'DEAD'`;
    if (filter.partner !== undefined) {
      parameters.push(filter.partner);
      where += ` AND m.destination = $2`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM outbox_messages m WHERE ${where}
        ORDER BY m.dead_at, m.position LIMIT $1`,
      parameters,
    )) as DeadLetterRow[];
    return rows.map(toDeadLetterView);
  }

  async findMessage(messageId: string): Promise<DeadLetterView | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM outbox_messages m WHERE m.id = $1`,
      [messageId],
    )) as DeadLetterRow[];
    return row ? toDeadLetterView(row) : null;
  }

  /**
   * Puts a dead letter back in the queue with a fresh count of attempts, due at once; the later messages of its
   * trajectory follow it. Null when the message is not dead (unknown, pending or delivered).
   */
  async replay(messageId: string): Promise<DeadLetterView | null> {
    const [row] = (await this.dataSource.query(
      // As a SELECT, so the driver answers rows (an UPDATE answers [rows, count]).
      `WITH replayed AS (
         UPDATE outbox_messages
            SET state = 'PENDING', attempts = 0, next_attempt_at = now(), dead_at = NULL, replays = replays + 1
          WHERE id = $1 AND state = 'DEAD'
          RETURNING id)
       SELECT id FROM replayed`,
      [messageId],
    )) as { id: string }[];
    return row ? this.findMessage(row.id) : null;
  }
}

function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toSubscriptionView(row: SubscriptionRow): OutboxSubscriptionView {
  return {
    partner: row.partner,
    eventKinds: row.event_kinds,
    endpointUrl: row.endpoint_url,
    secretRef: row.secret_ref,
    maxAttempts: row.max_attempts,
    active: row.active,
    deliverFrom: new Date(row.deliver_from).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    pending: row.pending,
    dead: row.dead,
    delivered: row.delivered,
  };
}

function toDeadLetterView(row: DeadLetterRow): DeadLetterView {
  return {
    messageId: row.id,
    partner: row.destination,
    kind: row.type,
    trajectoryId: row.stream_id,
    eventVersion: row.event_version,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    lastAttemptAt: iso(row.last_attempt_at),
    deadAt: iso(row.dead_at),
    replays: row.replays,
    createdAt: new Date(row.created_at).toISOString(),
    blockedBehind: row.blocked_behind,
  };
}
