import { Column, Entity, PrimaryColumn } from './decorators';
import type { Agency, DeadlineKind } from '../../../domain/src';

/**
 * Read model: what one deadline adds to the monitoring's counts (`deadline_counts`, their sums per group): its
 * group (agency, counsellor, municipality, kind, and the month it falls due while it runs unfulfilled) and a 1 in
 * the column of its standing (libs/domain `deadlineStanding`). A deadline that stands nowhere has no row.
 */
@Entity({ name: 'deadline_contributions' })
export class DeadlineContributionRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'deadline_contributions_pkey',
  })
  trajectoryId!: string;

  @PrimaryColumn({
    name: 'deadline_id',
    type: 'text',
    primaryKeyConstraintName: 'deadline_contributions_pkey',
  })
  deadlineId!: string;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  /** The first day of the month it falls due, for a running unfulfilled one not missed (overdue depends on it). */
  @Column({ name: 'due_month', type: 'date', nullable: true })
  dueMonth!: string | null;

  @Column({ name: 'fulfilled_on_time', type: 'integer' })
  fulfilledOnTime!: number;

  @Column({ name: 'fulfilled_late', type: 'integer' })
  fulfilledLate!: number;

  @Column({ name: 'missed_unfulfilled', type: 'integer' })
  missedUnfulfilled!: number;

  @Column({ name: 'running_unfulfilled', type: 'integer' })
  runningUnfulfilled!: number;
}
