import { Column, Entity, PrimaryColumn } from './decorators';
import type { TrajectoryState } from '../../../domain/src';

/**
 * The domain's fold of a stream (`fold` from libs/domain), stored by the append in the same transaction as the
 * events. The read models are mappings of this state; it is derived data, rebuilt with them.
 */
@Entity({ name: 'trajectory_states' })
export class TrajectoryStateRecord {
  @PrimaryColumn({ name: 'stream_id', type: 'text', primaryKeyConstraintName: 'trajectory_states_pkey' })
  streamId!: string;

  /** The stream version the state is folded up to. */
  @Column({ type: 'integer' })
  version!: number;

  /** When the last folded event occurred: the summary's `updatedAt`. */
  @Column({ name: 'last_occurred_at', type: 'timestamptz' })
  lastOccurredAt!: Date;

  /** `json`: written and read whole, never queried into (migration 1799000000000). */
  @Column({ type: 'json' })
  state!: TrajectoryState;
}
