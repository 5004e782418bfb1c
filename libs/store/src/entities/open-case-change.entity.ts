import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type { Agency, CalendarDate } from '../../../domain/src';

/**
 * Read model: the days a trajectory becomes (+1) and stops being (−1) an open case (libs/domain `openCaseChanges`),
 * with its agency, counsellor and municipality. Summed per counsellor (`open_cases_by_counsellor`: the open cases
 * now) and per month and per year of the change (`open_case_changes_by_counsellor`, `open_case_yearly_changes_by_counsellor`), so that the open cases at a period's end are
 * the cases now minus the changes after it: the months after from the sums, the rest of its month from here.
 */
@Entity({ name: 'open_case_changes' })
@Index('open_case_changes_changed_on_idx', ['changedOn', 'agency'])
export class OpenCaseChangeRecord {
  @PrimaryColumn({ name: 'trajectory_id', type: 'text', primaryKeyConstraintName: 'open_case_changes_pkey' })
  trajectoryId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'open_case_changes_pkey' })
  change!: 'REGISTERED' | 'CLOSED';

  @Column({ name: 'changed_on', type: 'date' })
  changedOn!: CalendarDate;

  /** The first day of the change's month. */
  @Column({ name: 'changed_month', type: 'date' })
  changedMonth!: CalendarDate;

  /** The first day of the change's year. */
  @Column({ name: 'changed_year', type: 'date' })
  changedYear!: CalendarDate;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'integer' })
  open!: number;
}
