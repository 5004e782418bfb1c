import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type { ParticipationActivityKind } from '../../../domain/src/pillars/pillar-state';
import { numericAsNumber } from './numeric-transformer';

/**
 * Read model: a trajectory's participation hours and activities per coordinating municipality, kind and day (the
 * activities' end date), with the previous day the trajectory had an activity of that municipality and kind. A
 * trigger keeps their sums per month in participation_hour_months (see its migration), so the report for a period
 * reads whole months from there and only the edge days here; the previous day counts each trajectory once in a
 * period (it is counted on its first day in the period: the one whose previous day lies before it).
 */
@Entity({ name: 'participation_hour_days' })
// Covering indexes (INCLUDE, migration 1798400000001), which TypeORM cannot describe.
@Index('participation_hour_days_day_idx', { synchronize: false })
@Index('participation_hour_days_previous_day_idx', { synchronize: false })
export class ParticipationHourDayRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'participation_hour_days_pkey',
  })
  trajectoryId!: string;

  /** The coordinating municipality logged with the activities. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'participation_hour_days_pkey' })
  municipality!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'participation_hour_days_pkey' })
  kind!: ParticipationActivityKind;

  /** The day the activities ended (as `ended_on` of participation_activities). */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'participation_hour_days_pkey' })
  day!: string;

  /** The latest earlier day with an activity of this trajectory, municipality and kind; null for the first. */
  @Column({ name: 'previous_day', type: 'date', nullable: true })
  previousDay!: string | null;

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
