import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from './decorators';
import type { EventMetadata } from '../event-store.types';

/** One row of the append-only event store, the legal record of every trajectory. */
@Entity({ name: 'events' })
@Unique('events_stream_version_unique', ['streamId', 'version'])
@Check('events_version_positive', 'version > 0')
@Check('events_schema_version_positive', 'schema_version > 0')
// Expression index on (stream_id, metadata->>'idempotencyKey'); defined in the migration only.
@Index('events_stream_idempotency_key_idx', { synchronize: false })
// Block-range index on recorded_at (the workload key figure's period); defined in the migration only.
@Index('events_recorded_at_brin', { synchronize: false })
export class EventRecord {
  /** Global order of all events, the cursor of projections. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'events_pkey' })
  position!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'schema_version', type: 'integer' })
  schemaVersion!: number;

  @Column({ type: 'jsonb' })
  data!: unknown;

  @Column({ type: 'jsonb' })
  metadata!: EventMetadata;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /**
   * The link of the stream's hash chain, set by the events_chain trigger (migration 1796700000000); never written
   * by the application, and not read with the event (npm run verify:events checks it).
   */
  @Column({ type: 'bytea', nullable: true, select: false, insert: false, update: false })
  hash?: Buffer | null;
}
