import { Column, Entity, PrimaryColumn } from './decorators';
import type { ParticipationActivityKind } from '../../../domain/src/pillars/pillar-state';
import { numericAsNumber } from './numeric-transformer';

/**
 * Read model: a trajectory's participation hours and activities per coordinating municipality and activity kind,
 * with the trajectory's agency and municipality of residence (what a manager's or coordinator's scope filters on).
 * A trigger keeps their totals per agency, residence, municipality and kind in participation_hour_totals, so the
 * report reads a few dozen rows whatever the number of trajectories.
 */
@Entity({ name: 'participation_hour_sums' })
export class ParticipationHourSumRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'participation_hour_sums_pkey',
  })
  trajectoryId!: string;

  /** The coordinating municipality logged with the activities. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'participation_hour_sums_pkey' })
  municipality!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'participation_hour_sums_pkey' })
  kind!: ParticipationActivityKind;

  @Column({ type: 'text' })
  agency!: string;

  /** The newcomer's municipality of residence (the trajectory's, as in trajectory_summaries). */
  @Column({ type: 'text' })
  residence!: string;

  @Column({ type: 'numeric', precision: 9, scale: 2, transformer: numericAsNumber })
  hours!: number;

  @Column({ type: 'integer' })
  activities!: number;
}
