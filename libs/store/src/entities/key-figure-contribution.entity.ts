import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type { Agency, CalendarDate } from '../../../domain/src';

/**
 * Read model: what one fact (a trajectory, or one of its violation files) adds to one key figure (libs/domain
 * `contributionOf`), with its cohort day, month and year and the groups it may be counted in. Summed per cohort month in
 * `key_figure_sums_by_agency`, `_by_municipality` and `_by_counsellor`; the days of a period that do not fill a month
 * are read here (index on the cohort day). `matching` is kept in hundredths (hours in quarters, euro, days, counts),
 * so that the sums stay whole numbers.
 */
@Entity({ name: 'key_figure_contributions' })
@Index('key_figure_contributions_cohort_on_idx', ['cohortOn', 'agency'])
export class KeyFigureContributionRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'key_figure_contributions_pkey',
  })
  trajectoryId!: string;

  @PrimaryColumn({
    name: 'figure_id',
    type: 'text',
    primaryKeyConstraintName: 'key_figure_contributions_pkey',
  })
  figureId!: string;

  /** Which fact of the trajectory: '' for the trajectory itself, the violation id for a violation file. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'key_figure_contributions_pkey' })
  item!: string;

  @Column({ name: 'cohort_on', type: 'date' })
  cohortOn!: CalendarDate;

  /** The first day of the cohort day's month. */
  @Column({ name: 'cohort_month', type: 'date' })
  cohortMonth!: CalendarDate;

  /** The first day of the cohort day's year (the sums per cohort year: a calendar year in one row per group). */
  @Column({ name: 'cohort_year', type: 'date' })
  cohortYear!: CalendarDate;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  /** A MEDIAN figure's value (whole days), when known. */
  @Column({ type: 'integer', nullable: true })
  value!: number | null;

  @Column({ type: 'integer' })
  selected!: number;

  @Column({ type: 'integer' })
  known!: number;

  /** `matching` × 100. */
  @Column({ name: 'matching_hundredths', type: 'integer' })
  matchingHundredths!: number;
}
