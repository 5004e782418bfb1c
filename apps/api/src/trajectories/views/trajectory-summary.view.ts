import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Agency,
  AGENCY_CODES,
  CLOSURE_REASONS,
  EXEMPTION_REASON_CODES,
  ExemptionReason,
  FINE_DECISIONS,
  FineDecision,
  Nt2Level,
  Pillar,
  PILLARS,
  PolicyVersionId,
  SUSPENSION_REASONS,
  TARGET_GROUP_STATUSES,
  TargetGroupRuleId,
  TargetGroupStatus,
  TrajectoryPhase,
  TrajectoryStatus,
} from '../../../../../libs/domain/src';
import type {
  IntakeProfile,
  PillarApplicability,
  PillarStatus,
} from '../../../../../libs/domain/src/pillars/pillar-state';
import type {
  AttestView,
  PillarDetails,
  PillarView,
  TargetGroupView,
  TrajectorySummaryView,
  ViolationView,
} from '../../../../../libs/store/src/read-models.types';
import {
  NEXT_ACTION_CODES,
  NEXT_ACTION_KEYS,
  NextAction,
  NextActionCode,
  NextActionKey,
} from '../../../../../libs/domain/src/trajectory/next-actions';
import {
  LITERACY_PROFILES,
  NT2_LEVELS,
  PILLAR_APPLICABILITIES,
  PILLAR_STATUSES,
  POLICY_VERSION_IDS,
  TRAJECTORY_PHASES,
  TRAJECTORY_STATUSES,
} from '../../http/domain-enums';
import { PILLAR_REASON_KEYS, PillarReasonKey } from '../../../../../libs/domain/src/pillars/applicability';
import { DeadlineResponse } from '../../deadlines/views/deadline.view';

export class ViolationResponse implements ViolationView {
  @ApiProperty()
  violationId!: string;

  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({ description: 'e.g. VDAB_REGISTRATION_DEADLINE_MISSED' })
  kind!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The missed deadline that opened the violation file',
  })
  deadlineId!: string | null;

  @ApiProperty({ description: 'The facts recorded in the violation file' })
  facts!: string;

  @ApiProperty()
  state!: string;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ enum: FINE_DECISIONS, nullable: true, description: 'Set once the file is DECIDED' })
  decision!: FineDecision | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole euros, for a FINE only' })
  amountEuro!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  decidedOn!: string | null;
}

export class TargetGroupResponse implements TargetGroupView {
  @ApiProperty({
    enum: TARGET_GROUP_STATUSES,
    description:
      'EXEMPT once an exemption was granted later, else the recorded status if overridden, else the derived one',
  })
  status!: TargetGroupStatus;

  @ApiProperty({ enum: TARGET_GROUP_STATUSES })
  derivedStatus!: TargetGroupStatus;

  @ApiProperty({ type: String, description: 'The rule that derived derivedStatus' })
  ruleId!: TargetGroupRuleId;

  @ApiProperty({ enum: EXEMPTION_REASON_CODES, nullable: true, description: 'Set when status is EXEMPT' })
  exemptionReason!: ExemptionReason | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Set when the exemption was granted later; status is then EXEMPT',
  })
  exemptionGrantedOn!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The counsellor's reason, when status is an override",
  })
  overrideReason!: string | null;
}

export class PillarResponse implements PillarView {
  @ApiProperty({ enum: PILLARS })
  pillar!: Pillar;

  @ApiProperty({ enum: PILLAR_APPLICABILITIES })
  applicability!: PillarApplicability;

  @ApiProperty({ description: 'Why the pillar applies or not, in English' })
  applicabilityReason!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: Object.keys(PILLAR_REASON_KEYS),
    description:
      'The same reason as a stable wording key, for a screen to translate; null for older trajectories',
  })
  applicabilityReasonKey!: PillarReasonKey | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    nullable: true,
    description: 'The parameters the wording key names',
  })
  applicabilityReasonParams!: Record<string, string | number> | null;

  @ApiProperty({ enum: PILLAR_STATUSES })
  status!: PillarStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  completedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  completionCondition!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  waivedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  waiverReason!: string | null;

  @ApiProperty({ enum: NT2_LEVELS, nullable: true, description: 'NT2 only' })
  targetLevel!: Nt2Level | null;

  @ApiProperty({ type: Number, nullable: true, description: 'PARTICIPATION only' })
  targetHours!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'PARTICIPATION only: hours logged so far' })
  hours!: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'MO: enrolments, testAttempts; NT2: referrals, enrolments, testResults, certificate, targetAdjustment; WORK: track; PARTICIPATION: activities',
  })
  details!: PillarDetails;
}

export class AttestResponse implements AttestView {
  @ApiProperty()
  attestNumber!: string;

  @ApiProperty({ format: 'date' })
  issuedOn!: string;

  @ApiProperty({ type: [String] })
  conditions!: string[];
}

export class NextActionResponse implements NextAction {
  @ApiProperty({ enum: NEXT_ACTION_CODES })
  action!: NextActionCode;

  @ApiProperty({
    enum: Object.keys(NEXT_ACTION_KEYS),
    description:
      'Which wording of the action: a stable key for a screen to translate, with `params` filled in',
  })
  key!: NextActionKey;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description:
      "The key's parameters: dates (dueOn, suspendedFrom, intakeOn) as YYYY-MM-DD, deadlineKind, violationKind, " +
      'targetLevel, counts (attempts, results) and hours (hours, targetHours, hoursToGo)',
  })
  params!: Record<string, string | number>;

  @ApiProperty({ description: 'What to do, in English (a screen translates `key` instead)' })
  description!: string;

  @ApiPropertyOptional({ format: 'date', description: 'The last day to do it, when a deadline says so' })
  dueOn?: string;

  @ApiPropertyOptional({ description: 'The violation file to decide (DECIDE_VIOLATION)' })
  violationId?: string;
}

/** The store's summary of a trajectory and what should happen next. */
export class TrajectorySummaryResponse implements TrajectorySummaryView {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({ description: 'National number (INSZ), 11 digits' })
  nationalNumber!: string;

  @ApiProperty()
  givenName!: string;

  @ApiProperty()
  familyName!: string;

  @ApiProperty({ format: 'date' })
  birthDate!: string;

  @ApiProperty()
  municipality!: string;

  @ApiProperty({ enum: AGENCY_CODES })
  agency!: Agency;

  @ApiProperty({ type: String, nullable: true })
  counsellorId!: string | null;

  @ApiProperty({ enum: TRAJECTORY_STATUSES })
  status!: TrajectoryStatus;

  @ApiProperty({ enum: TRAJECTORY_PHASES })
  phase!: TrajectoryPhase;

  @ApiProperty({ format: 'date', description: 'Date of the registration with the agency' })
  registeredOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  intakeOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  contractSignedOn!: string | null;

  @ApiProperty({
    enum: POLICY_VERSION_IDS,
    nullable: true,
    description: 'Fixed by the contract signing date',
  })
  policyVersion!: PolicyVersionId | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  vdabRegisteredOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  vdabClientReference!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  closedOn!: string | null;

  @ApiProperty({ enum: CLOSURE_REASONS, nullable: true })
  closureReason!: string | null;

  @ApiProperty({
    enum: SUSPENSION_REASONS,
    nullable: true,
    description: 'Set by a suspension, cleared on resumption; kept when a suspended trajectory is closed',
  })
  suspensionReason!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'See suspensionReason' })
  suspendedFrom!: string | null;

  @ApiProperty({ description: 'The event stream version this summary reflects' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: [DeadlineResponse] })
  deadlines!: DeadlineResponse[];

  @ApiProperty({ type: [ViolationResponse] })
  violations!: ViolationResponse[];

  @ApiProperty({
    type: TargetGroupResponse,
    nullable: true,
    description: 'Null until target-group facts are recorded',
  })
  targetGroup!: TargetGroupResponse | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: false,
    properties: {
      working: { type: 'boolean' },
      studying: { type: 'boolean' },
      mayWork: { type: 'boolean' },
      literacy: { type: 'string', enum: [...LITERACY_PROFILES] },
    },
  })
  intakeProfile!: IntakeProfile | null;

  @ApiProperty({
    type: [PillarResponse],
    description: 'MO, NT2, WORK, PARTICIPATION once the contract is signed',
  })
  pillars!: PillarResponse[];

  @ApiProperty({ type: AttestResponse, nullable: true })
  attest!: AttestResponse | null;

  @ApiProperty({
    type: [NextActionResponse],
    description:
      'What should happen next, most urgent first: resuming a suspended trajectory; open deadlines by due date; ' +
      'violation files awaiting a decision; the main line (intake, target-group facts, contract); the pillars that ' +
      'count for the attest (MO, NT2, WORK, PARTICIPATION). Empty once the trajectory is closed. Whether a command ' +
      'is accepted is still for the trajectory to decide.',
  })
  nextActions!: NextActionResponse[];
}
