import { Column, Entity, Index, PrimaryColumn } from './decorators';
import type {
  Agency,
  DeadlineKind,
  ExemptionReason,
  PolicyVersionId,
  SuspensionReason,
  TargetGroupRuleId,
  TargetGroupStatus,
  TrajectoryPhase,
  TrajectoryStatus,
} from '../../../domain/src';
import type { IntakeProfile } from '../../../domain/src/pillars/pillar-state';

const CASELOAD_ORDER = ['attentionRank', 'nextDeadlineDueOn', 'registeredOn', 'trajectoryId'];

/**
 * Read model: one row per trajectory, the newcomer and where the trajectory stands. "Active" means not closed: a
 * suspended trajectory still belongs to the person and to the counsellor's caseload.
 */
@Entity({ name: 'trajectory_summaries' })
@Index('trajectory_summaries_one_active_per_newcomer', ['nationalNumber'], {
  unique: true,
  where: `status <> 'CLOSED'`,
})
// The caseload's order (see TrajectoryQueries.caseload) behind each filter a caseload is taken by.
@Index('trajectory_summaries_caseload_agency_idx', ['agency', ...CASELOAD_ORDER], {
  where: `status <> 'CLOSED'`,
})
@Index('trajectory_summaries_caseload_counsellor_idx', ['counsellorId', ...CASELOAD_ORDER], {
  where: `status <> 'CLOSED'`,
})
@Index('trajectory_summaries_caseload_municipality_idx', ['municipality', ...CASELOAD_ORDER], {
  where: `status <> 'CLOSED'`,
})
@Index('trajectory_summaries_agency_status_idx', ['agency', 'status'])
@Index('trajectory_summaries_attest_number_idx', ['attestNumber'], { where: 'attest_number IS NOT NULL' })
@Index('trajectory_summaries_national_number_idx', ['nationalNumber'])
// The search's indexes on expressions (migration 1798400000000), which TypeORM cannot describe.
@Index('trajectory_summaries_search_family_open_idx', { synchronize: false })
@Index('trajectory_summaries_search_family_closed_idx', { synchronize: false })
@Index('trajectory_summaries_search_given_open_idx', { synchronize: false })
@Index('trajectory_summaries_search_given_closed_idx', { synchronize: false })
export class TrajectorySummaryRecord {
  @PrimaryColumn({
    name: 'trajectory_id',
    type: 'text',
    primaryKeyConstraintName: 'trajectory_summaries_pkey',
  })
  trajectoryId!: string;

  /** The event stream the summary is projected from. */
  @Index('trajectory_summaries_stream_id_key', { unique: true })
  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'national_number', type: 'text' })
  nationalNumber!: string;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ type: 'text' })
  agency!: Agency;

  @Column({ name: 'counsellor_id', type: 'text', nullable: true })
  counsellorId!: string | null;

  @Column({ type: 'text' })
  status!: TrajectoryStatus;

  @Column({ type: 'text' })
  phase!: TrajectoryPhase;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'intake_on', type: 'date', nullable: true })
  intakeOn!: string | null;

  @Column({ name: 'contract_signed_on', type: 'date', nullable: true })
  contractSignedOn!: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion!: PolicyVersionId | null;

  @Column({ name: 'vdab_registered_on', type: 'date', nullable: true })
  vdabRegisteredOn!: string | null;

  @Column({ name: 'vdab_client_reference', type: 'text', nullable: true })
  vdabClientReference!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'closure_reason', type: 'text', nullable: true })
  closureReason!: string | null;

  @Column({ name: 'closure_explanation', type: 'text', nullable: true })
  closureExplanation!: string | null;

  /** Set while the trajectory is SUSPENDED, cleared on resumption. */
  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason!: SuspensionReason | null;

  @Column({ name: 'suspended_from', type: 'date', nullable: true })
  suspendedFrom!: string | null;

  /**
   * The target group that governs the trajectory: EXEMPT once an exemption was granted later, else the
   * counsellor's recorded status when the derived one was overridden, else the derived one. Null until the facts are recorded; a new determination drops the override.
   */
  @Column({ name: 'target_group_status', type: 'text', nullable: true })
  targetGroupStatus!: TargetGroupStatus | null;

  @Column({ name: 'target_group_derived_status', type: 'text', nullable: true })
  targetGroupDerivedStatus!: TargetGroupStatus | null;

  /** The rule that derived the status (kept when it is overridden). */
  @Column({ name: 'target_group_rule_id', type: 'text', nullable: true })
  targetGroupRuleId!: TargetGroupRuleId | null;

  /** Why the newcomer is exempt, when the effective status is EXEMPT. */
  @Column({ name: 'exemption_reason', type: 'text', nullable: true })
  exemptionReason!: ExemptionReason | null;

  /** Set when the exemption was granted later, after the target group was derived. */
  @Column({ name: 'exemption_granted_on', type: 'date', nullable: true })
  exemptionGrantedOn!: string | null;

  /** The counsellor's mandatory reason, when the effective status is an override. */
  @Column({ name: 'target_group_override_reason', type: 'text', nullable: true })
  targetGroupOverrideReason!: string | null;

  /** Work, study, right to work and literacy as learned at the intake. */
  @Column({ name: 'intake_profile', type: 'jsonb', nullable: true })
  intakeProfile!: IntakeProfile | null;

  @Column({ name: 'attest_number', type: 'text', nullable: true })
  attestNumber!: string | null;

  @Column({ name: 'attest_issued_on', type: 'date', nullable: true })
  attestIssuedOn!: string | null;

  /** The conditions the attest was issued on, one line per pillar considered. */
  @Column({ name: 'attest_conditions', type: 'jsonb', nullable: true })
  attestConditions!: string[] | null;

  /** The earliest OPEN deadline (suspended ones do not run), which the caseload sorts on. */
  @Column({ name: 'next_deadline_id', type: 'text', nullable: true })
  nextDeadlineId!: string | null;

  @Column({ name: 'next_deadline_kind', type: 'text', nullable: true })
  nextDeadlineKind!: DeadlineKind | null;

  @Column({ name: 'next_deadline_due_on', type: 'date', nullable: true })
  nextDeadlineDueOn!: string | null;

  @Column({ name: 'missed_deadlines', type: 'integer' })
  missedDeadlines!: number;

  @Column({ name: 'open_violations', type: 'integer' })
  openViolations!: number;

  /** What needs attention first: 0 with an OPEN violation file, 1 with a MISSED deadline, 2 waiting for the counsellor, 3 otherwise. */
  @Column({ name: 'attention_rank', type: 'smallint' })
  attentionRank!: number;

  /** Stream version of the last event projected. */
  @Column({ type: 'integer' })
  version!: number;

  /** When that event occurred (not wall-clock time), so that a rebuild reproduces the row exactly. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
