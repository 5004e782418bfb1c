import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A message for a partner (e.g. VDAB), written in the same transaction as the events that caused it and sent later
 * by a dispatcher, which sets `sentAt`. The causing event (stream, version) makes enqueueing idempotent, so a
 * read-model rebuild never sends a message twice.
 */
@Entity({ name: 'outbox_messages' })
@Unique('outbox_messages_cause_unique', ['streamId', 'eventVersion', 'destination', 'type'])
@Index('outbox_messages_pending_idx', ['destination', 'createdAt'], { where: 'sent_at IS NULL' })
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
}
