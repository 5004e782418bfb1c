import type {
  Agency,
  CalendarDate,
  DeadlineKind,
  DeadlineState,
  ExemptionReason,
  FineDecision,
  Nt2Level,
  Pillar,
  PolicyVersionId,
  TargetGroupRuleId,
  TargetGroupStatus,
  TrajectoryPhase,
  TrajectoryStatus,
  ViolationKind,
  ViolationState,
} from '../../domain/src';
import type {
  IntakeProfile,
  MoPillar,
  Nt2Pillar,
  ParticipationActivityKind,
  ParticipationPillar,
  PillarApplicability,
  PillarStatus,
  WorkPillar,
} from '../../domain/src/pillars/pillar-state';
import type { EventMetadata } from './event-store.types';
import type { ReadScope } from './queries/read-scope';
import type { PillarReasonKey } from '../../domain/src/pillars/applicability';
import type { AttentionGroup } from '../../domain/src/caseload/attention';

/** Read models are projections of the event store, updated in the same transaction as the append. */

export interface TrajectorySummaryView {
  trajectoryId: string;
  nationalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
  agency: Agency;
  counsellorId: string | null;
  status: TrajectoryStatus;
  phase: TrajectoryPhase;
  registeredOn: string;
  intakeOn: string | null;
  contractSignedOn: string | null;
  policyVersion: PolicyVersionId | null;
  vdabRegisteredOn: string | null;
  vdabClientReference: string | null;
  closedOn: string | null;
  closureReason: string | null;
  /** Why and since when the trajectory is suspended: set by a suspension, cleared on resumption, kept on closure. */
  suspensionReason: string | null;
  suspendedFrom: string | null;
  /** Stream version the summary reflects. */
  version: number;
  updatedAt: string;
  deadlines: DeadlineView[];
  violations: ViolationView[];
  /** Null until target-group facts are recorded. */
  targetGroup: TargetGroupView | null;
  /** Work, study, right to work and literacy, when the intake recorded them. */
  intakeProfile: IntakeProfile | null;
  /** MO, NT2, WORK, PARTICIPATION in that order once the contract is signed; empty before. */
  pillars: PillarView[];
  attest: AttestView | null;
}

export interface TargetGroupView {
  /**
   * The status that governs the trajectory: EXEMPT once an exemption was granted later, else the counsellor's
   * recorded one if overridden, else the derived one.
   */
  status: TargetGroupStatus;
  derivedStatus: TargetGroupStatus;
  /** The rule that derived `derivedStatus`. */
  ruleId: TargetGroupRuleId;
  /** Set when `status` is EXEMPT. */
  exemptionReason: ExemptionReason | null;
  /** Set when the exemption was granted later (then `status` is EXEMPT whatever was derived or recorded). */
  exemptionGrantedOn: string | null;
  /** Set when `status` is a counsellor's override of the derived one. */
  overrideReason: string | null;
}

/** The pillar-specific facts, exactly as the domain's pillar state keeps them. */
export type MoPillarDetails = Pick<MoPillar, 'enrolments' | 'testAttempts' | 'attendance'>;
export type Nt2PillarDetails = Pick<
  Nt2Pillar,
  'referrals' | 'enrolments' | 'testResults' | 'certificate' | 'attendance' | 'targetAdjustment' | 'skills'
>;
export type WorkPillarDetails = Pick<WorkPillar, 'track'>;
export type ParticipationPillarDetails = Pick<ParticipationPillar, 'activities'>;
export type PillarDetails =
  MoPillarDetails | Nt2PillarDetails | WorkPillarDetails | ParticipationPillarDetails;

export interface PillarView {
  pillar: Pillar;
  applicability: PillarApplicability;
  applicabilityReason: string;
  /** The reason as a wording key (the domain's PILLAR_REASON_KEYS) and its parameters; null before they existed. */
  applicabilityReasonKey: PillarReasonKey | null;
  applicabilityReasonParams: Record<string, string | number> | null;
  status: PillarStatus;
  completedOn: string | null;
  completionCondition: string | null;
  waivedOn: string | null;
  waiverReason: string | null;
  /** NT2 only. */
  targetLevel: Nt2Level | null;
  /** PARTICIPATION only. */
  targetHours: number | null;
  hours: number | null;
  /** MO: enrolments, testAttempts; NT2: referrals, testResults, certificate; WORK: track; PARTICIPATION: activities. */
  details: PillarDetails;
}

export interface AttestView {
  attestNumber: string;
  issuedOn: string;
  conditions: string[];
}

export interface DeadlineView {
  deadlineId: string;
  trajectoryId: string;
  kind: DeadlineKind;
  dueOn: string;
  state: DeadlineState;
  metOn: string | null;
  policyVersion: PolicyVersionId;
  source: string;
  agency: Agency;
  counsellorId: string | null;
  municipality: string;
}

export interface ViolationView {
  violationId: string;
  trajectoryId: string;
  kind: string;
  deadlineId: string | null;
  facts: string;
  state: string;
  openedAt: string;
  /** The fine decision, once the file is DECIDED; amountEuro only for a FINE. */
  decision: FineDecision | null;
  amountEuro: number | null;
  decidedOn: string | null;
}

export interface TimelineEntry {
  position: string;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface DeadlineFilter {
  /** What the caller may see (filtered in SQL); all when absent. */
  scope?: ReadScope;
  state?: DeadlineState;
  kind?: DeadlineKind;
  agency?: Agency;
  counsellorId?: string;
  municipality?: string;
  /** Inclusive bounds on dueOn (YYYY-MM-DD). */
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
  offset?: number;
}

/** The enforcement officer's queue of violation files (inbreukdossiers), across trajectories. */
export interface ViolationFilter {
  /** What the caller may see (filtered in SQL); all when absent. */
  scope?: ReadScope;
  state?: ViolationState;
  kind?: ViolationKind;
  /** The agency that owns the trajectory now. */
  agency?: Agency;
  limit?: number;
  offset?: number;
}

/** A violation file with who it is about and where the trajectory stands (a file outlives a closed trajectory). */
export interface ViolationListItem extends ViolationView {
  agency: Agency;
  counsellorId: string | null;
  municipality: string;
  nationalNumber: string;
  givenName: string;
  familyName: string;
  trajectoryStatus: TrajectoryStatus;
}

export interface CaseloadFilter {
  /** What the caller may see (filtered in SQL); all when absent. */
  scope?: ReadScope;
  /** At least one of counsellorId and agency; both narrow the caseload together. */
  counsellorId?: string;
  agency?: Agency;
  /** Only the cases in this attention group on `today`. */
  attention?: AttentionGroup;
  /** Only open or only suspended trajectories. */
  status?: Exclude<TrajectoryStatus, 'CLOSED'>;
  /** The day (Europe/Brussels) the attention groups are decided on; default today. */
  today?: CalendarDate;
  limit?: number;
  offset?: number;
}

/** A search by name (part of given and family name) or by national number (its 11 digits), within a scope. */
export interface TrajectorySearch {
  scope?: ReadScope;
  text: string;
  limit?: number;
}

/** A trajectory in a caseload: who, where it stands, and what needs attention. */
export interface CaseloadItem {
  trajectoryId: string;
  givenName: string;
  familyName: string;
  /** OPEN or SUSPENDED: closed trajectories are not in a caseload. */
  status: TrajectoryStatus;
  phase: TrajectoryPhase;
  agency: Agency;
  counsellorId: string | null;
  registeredOn: string;
  /** The earliest OPEN deadline (suspended deadlines do not run), or null. */
  nextDeadline: { deadlineId: string; kind: DeadlineKind; dueOn: string } | null;
  missedDeadlines: number;
  openViolations: number;
}

/** A trajectory in a caseload with what it asks of its counsellor on the caseload's day. */
export interface CaseloadEntry extends CaseloadItem {
  attention: AttentionGroup;
}

/** Participation hours for municipality coordinators; dates inclusive (YYYY-MM-DD), on the activity's end date. */
export interface ParticipationHoursFilter {
  /** What the caller may see (filtered in SQL); all when absent. */
  scope?: ReadScope;
  municipality?: string;
  from?: string;
  to?: string;
}

/** The participation activities of one municipality and kind that ended in the period. */
export interface ParticipationHoursTotal {
  municipality: string;
  kind: ParticipationActivityKind;
  hours: number;
  activities: number;
  /** Distinct trajectories (newcomers) with such an activity. */
  trajectories: number;
}

/** What a command's pre-check needs: one row of trajectory_summaries, no details. */
export type TrajectoryStatusView = Pick<
  TrajectorySummaryView,
  'trajectoryId' | 'status' | 'agency' | 'closureReason' | 'closedOn'
>;

/** What the access check of a route on one trajectory reads: its status (for a command's check) and counsellor. */
export interface TrajectoryAccessView {
  status: TrajectoryStatusView;
  counsellorId: string | null;
}

/** The read side used by the API. */
/** Who takes a whole caseload as it is read (readWholeCaseload). */
export interface WholeCaseloadReader {
  /** Every trajectory of the caseload, in its order, before any row. */
  trajectories(trajectoryIds: readonly string[]): Promise<void>;
  /** The next rows, in order. */
  rows(entries: readonly CaseloadEntry[]): Promise<void>;
}

export interface TrajectoryQueries {
  /** Null when the trajectory does not exist or lies outside `scope`: the caller cannot tell which. */
  findTrajectory(trajectoryId: string, scope?: ReadScope): Promise<TrajectorySummaryView | null>;
  /** Which of these trajectories lie within `scope` (one query for a set of ids). */
  trajectoriesInScope(trajectoryIds: readonly string[], scope: ReadScope): Promise<Set<string>>;
  /**
   * The access check of a route on one trajectory in one query (primary key): its status and counsellor when it
   * lies within `scope`, null when it does not exist or lies outside (the caller cannot tell which).
   */
  findTrajectoryAccess(trajectoryId: string, scope: ReadScope): Promise<TrajectoryAccessView | null>;
  /** A single-row lookup (primary key) of the trajectory's status, for the check before a command. */
  findTrajectoryStatus(trajectoryId: string): Promise<TrajectoryStatusView | null>;
  /** Like findOpenTrajectoryByNationalNumber, one row and no details. */
  findOpenTrajectoryStatusByNationalNumber(nationalNumber: string): Promise<TrajectoryStatusView | null>;
  /** A trajectory of the person with this national number that is not closed (OPEN or SUSPENDED), if any. */
  findOpenTrajectoryByNationalNumber(nationalNumber: string): Promise<TrajectorySummaryView | null>;
  timeline(trajectoryId: string, scope?: ReadScope): Promise<TimelineEntry[]>;
  listDeadlines(filter: DeadlineFilter): Promise<{ items: DeadlineView[]; total: number }>;
  /**
   * The trajectories that are not closed of a counsellor or an agency, what needs attention first: by attention
   * group on `today` (overdue, due soon, waiting for me, on track: the domain's attentionOf), within each the
   * earliest open due date first (none last), then the earliest registration, then the trajectory id.
   */
  caseload(filter: CaseloadFilter): Promise<{ items: CaseloadEntry[]; total: number }>;
  /**
   * The whole caseload of the filter (limit and offset ignored) in the caseload's order, however large, read in one
   * snapshot: first its trajectories, in order, to `reader.trajectories` (e.g. for the audit, before anything is
   * sent), then its rows in that order, `chunkSize` at a time, to `reader.rows`; each waits for the reader. Answers
   * the number of cases.
   */
  readWholeCaseload(filter: CaseloadFilter, reader: WholeCaseloadReader, chunkSize?: number): Promise<number>;
  /** Trajectories (closed ones last) whose person matches a name or national number, at most `limit` (20). */
  searchTrajectories(filter: TrajectorySearch): Promise<CaseloadItem[]>;
  /** Violation files, the oldest first (the order an officer works a queue), then by violation id. */
  listViolations(filter: ViolationFilter): Promise<{ items: ViolationListItem[]; total: number }>;
  /**
   * Participation hours per municipality (the coordinating one logged with the activity) and activity kind, over
   * activities that ended within the period, of open and closed trajectories alike; ordered by municipality, kind.
   */
  participationHours(filter: ParticipationHoursFilter): Promise<ParticipationHoursTotal[]>;
}
