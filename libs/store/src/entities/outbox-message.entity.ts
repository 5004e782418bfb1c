import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from './decorators';

export type OutboxMessageState = 'PENDING' | 'DELIVERED' | 'DEAD';

/**
 * A message for a partner (e.g. VDAB), written in the same transaction as the events that caused it and delivered
 * later by the outbox relay, which sets `sentAt` (DELIVERED) or gives up after the subscription's attempts (DEAD).
 * The causing event (stream, version) makes enqueueing idempotent, so a read-model rebuild never sends a message
 * twice. `id` is the message id partners deduplicate on.
 */
@Entity({ name: 'outbox_messages' })
@Unique('outbox_messages_cause_unique', ['streamId', 'eventVersion', 'destination', 'type'])
@Check('outbox_messages_state_check', "state IN ('PENDING', 'DELIVERED', 'DEAD')")
// The relay's claim (a partner's due messages of one kind in order; an earlier undelivered message of the same partner
// and trajectory) and the operators' dead letters.
@Index('outbox_messages_due_by_kind_idx', ['destination', 'type', 'nextAttemptAt', 'position'], {
  where: "state = 'PENDING'",
})
@Index('outbox_messages_undelivered_idx', ['destination', 'streamId', 'position'], {
  where: "state <> 'DELIVERED'",
})
@Index('outbox_messages_dead_idx', ['destination', 'deadAt'], { where: "state = 'DEAD'" })
export class OutboxMessageRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'outbox_messages_pkey' })
  id!: string;

  /** The partner, e.g. 'VDAB'. */
  @Column({ type: 'text' })
  destination!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'event_version', type: 'integer' })
  eventVersion!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Order of enqueueing: the order of delivery among one partner's messages about one trajectory. */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    insert: false,
    update: false,
  })
  position!: string;

  @Column({ type: 'text', default: 'PENDING' })
  state!: OutboxMessageState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** Why the last attempt failed, without the body (e.g. `HTTP 503`, `connection refused`). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true })
  deadAt!: Date | null;

  /** Times an operator replayed it from the dead letters. */
  @Column({ type: 'integer', default: 0 })
  replays!: number;
}
