import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type { Agency, CalendarDate, TrajectoryStatus } from '../../../domain/src';
import type { TrajectoryFacts } from '../../../domain/src/key-figures';
import { numericAsNumber } from './numeric-transformer';

/**
 * Read model: a trajectory's milestones and the measures the key figures aggregate, one row per trajectory. The
 * properties are the domain's `TrajectoryFacts`, one to one, so the projection is the domain's mapping and each
 * figure is an aggregate over this one table (libs/store/src/key-figures). Each figure's cohort date is indexed with
 * the grouping columns after it.
 */
@Entity({ name: 'trajectory_milestones' })
@Index('trajectory_milestones_contract_on_idx', ['contractOn', 'agency', 'municipality'])
@Index('trajectory_milestones_first_nt2_course_on_idx', ['firstNt2CourseOn', 'agency', 'municipality'])
@Index('trajectory_milestones_first_mo_test_on_idx', ['firstMoTestOn', 'agency', 'municipality'])
@Index('trajectory_milestones_first_nt2_test_on_idx', ['firstNt2TestOn', 'agency', 'municipality'])
@Index('trajectory_milestones_attest_on_idx', ['attestOn', 'agency', 'municipality'])
@Index('trajectory_milestones_registered_on_idx', ['registeredOn', 'agency', 'municipality'])
@Index('trajectory_milestones_open_idx', ['agency', 'counsellorId'], { where: `closed_on IS NULL` })
export class TrajectoryMilestoneRecord implements TrajectoryFacts {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'trajectory_milestones_pkey',
  })
  trajectoryId!: string;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'text' })
  status!: TrajectoryStatus;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: CalendarDate;

  @Column({ name: 'intake_on', type: 'date', nullable: true })
  intakeOn!: CalendarDate | null;

  @Column({ name: 'contract_on', type: 'date', nullable: true })
  contractOn!: CalendarDate | null;

  @Column({ name: 'vdab_registered_on', type: 'date', nullable: true })
  vdabRegisteredOn!: CalendarDate | null;

  @Column({ name: 'vdab_within_two_months', type: 'boolean', nullable: true })
  vdabWithinTwoMonths!: boolean | null;

  @Column({ name: 'first_nt2_course_on', type: 'date', nullable: true })
  firstNt2CourseOn!: CalendarDate | null;

  @Column({ name: 'days_intake_to_nt2_course', type: 'integer', nullable: true })
  daysIntakeToNt2Course!: number | null;

  @Column({ name: 'days_registration_to_contract', type: 'integer', nullable: true })
  daysRegistrationToContract!: number | null;

  @Column({ name: 'first_mo_test_on', type: 'date', nullable: true })
  firstMoTestOn!: CalendarDate | null;

  @Column({ name: 'mo_test_attempts', type: 'integer' })
  moTestAttempts!: number;

  @Column({ name: 'mo_passed_first_attempt', type: 'boolean', nullable: true })
  moPassedFirstAttempt!: boolean | null;

  @Column({ name: 'mo_passed', type: 'boolean', nullable: true })
  moPassed!: boolean | null;

  @Column({ name: 'first_nt2_test_on', type: 'date', nullable: true })
  firstNt2TestOn!: CalendarDate | null;

  @Column({ name: 'nt2_test_attempts', type: 'integer' })
  nt2TestAttempts!: number;

  @Column({ name: 'nt2_passed_first_attempt', type: 'boolean', nullable: true })
  nt2PassedFirstAttempt!: boolean | null;

  @Column({ name: 'nt2_passed', type: 'boolean', nullable: true })
  nt2Passed!: boolean | null;

  @Column({ name: 'attest_on', type: 'date', nullable: true })
  attestOn!: CalendarDate | null;

  @Column({ name: 'days_registration_to_attest', type: 'integer', nullable: true })
  daysRegistrationToAttest!: number | null;

  @Column({ name: 'participation_required', type: 'boolean' })
  participationRequired!: boolean;

  @Column({
    name: 'participation_hours',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numericAsNumber,
  })
  participationHours!: number;

  @Column({ name: 'participation_completed', type: 'boolean' })
  participationCompleted!: boolean;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: CalendarDate | null;
}
