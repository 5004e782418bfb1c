import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type { Agency, DeadlineKind, DeadlineSet, DeadlineState, PolicyVersionId } from '../../../domain/src';

/**
 * Read model: one row per deadline of a trajectory. Carries the trajectory's agency, counsellor and municipality so
 * that caseworkers' deadline lists filter on one table.
 */
@Entity({ name: 'deadlines' })
@Index('deadlines_due_on_idx', ['dueOn', 'deadlineId'])
@Index('deadlines_state_due_on_idx', ['state', 'dueOn', 'deadlineId'])
@Index('deadlines_agency_state_due_on_idx', ['agency', 'state', 'dueOn'])
@Index('deadlines_counsellor_due_on_idx', ['counsellorId', 'dueOn'], { where: 'counsellor_id IS NOT NULL' })
@Index('deadlines_municipality_due_on_idx', ['municipality', 'dueOn'])
/** Deadline monitoring: a manager's agency, in due-date order, with every column the dashboard counts read. */
@Index('deadlines_monitoring_idx', [
  'agency',
  'dueOn',
  'kind',
  'state',
  'fulfilledOn',
  'counsellorId',
  'municipality',
])
/** Deadline monitoring: the deadlines of an agency fulfilled after a reference day (a past `asOn`). */
@Index('deadlines_agency_fulfilled_on_idx', ['agency', 'fulfilledOn'], { where: 'fulfilled_on IS NOT NULL' })
/**
 * Deadline monitoring: the missed deadlines of an agency not fulfilled since, due on or after a reference day (an
 * index-only scan: the migration adds kind, counsellor and municipality with INCLUDE, beyond what TypeORM describes,
 * so the migration owns it).
 */
@Index('deadlines_agency_missed_unfulfilled_idx', { synchronize: false })
/**
 * Deadline monitoring's drill-down: the running, unfulfilled deadlines of an agency in the page's order (due date,
 * trajectory, deadline). Its predicate has an IN list TypeORM does not compare as written: the migration owns it.
 */
@Index('deadlines_running_unfulfilled_page_idx', { synchronize: false })
export class DeadlineRecord {
  @PrimaryColumn({ name: 'trajectory_id', type: 'text', primaryKeyConstraintName: 'deadlines_pkey' })
  trajectoryId!: string;

  @PrimaryColumn({ name: 'deadline_id', type: 'text', primaryKeyConstraintName: 'deadlines_pkey' })
  deadlineId!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  state!: DeadlineState;

  @Column({ name: 'met_on', type: 'date', nullable: true })
  metOn!: string | null;

  /**
   * The day the obligation was fulfilled: the met date, or the late fulfilment of a missed deadline (its VDAB
   * registration, the registration with the agency, the follow-up result): `fulfilledOn` in libs/domain.
   */
  @Column({ name: 'fulfilled_on', type: 'date', nullable: true })
  fulfilledOn!: string | null;

  /**
   * What the due date counts from: a policy anchor (contract, intake) or, for the agency registration deadline, the
   * start of the obligation. Plain text without a CHECK, like `kind` and `state`, so new domain values need no migration.
   */
  @Column({ type: 'text' })
  anchor!: DeadlineSet['data']['anchor'];

  @Column({ name: 'anchor_on', type: 'date' })
  anchorOn!: string;

  @Column({ name: 'policy_version', type: 'text' })
  policyVersion!: PolicyVersionId;

  /** The legal source of the rule that set the deadline. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'text' })
  municipality!: string;
}
