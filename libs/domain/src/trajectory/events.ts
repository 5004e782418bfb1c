import { Agency } from '../agency';
import { ResidenceRegion } from '../residence/municipality-area';
import { PillarsDetermination } from '../pillars/applicability';
import { IntakeProfile, ParticipationActivity } from '../pillars/pillar-state';
import { Nt2Level, Nt2Skill, Pillar } from '../policy/pillar';
import { ExemptionReason } from '../target-group/exemption-reasons';
import { TargetGroupDecision } from '../target-group/target-group-decision';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import { RecordedTargetGroupStatus } from '../target-group/target-group-override';
import {
  ClosureReason,
  CorrectableFact,
  FineDecision,
  ReportableViolation,
  SuspensionReason,
} from './commands';
import { NationalNumber } from '../newcomer/national-number';
import { DeadlineAnchor, PolicyVersionId } from '../policy/policy-versions';
import { CalendarDate } from '../time/calendar-date';

/**
 * The facts of a trajectory, in the order they happened. Events are never edited: a wrong fact is corrected
 * by a later event. `schemaVersion` lets an event's shape evolve; readers upcast older versions.
 */
export interface EventEnvelope<Type extends string, Data> {
  type: Type;
  schemaVersion: number;
  /** ISO instant at which the workflow decided the event (workflow time, deterministic on replay). */
  occurredAt: string;
  data: Data;
}

export interface NewcomerDetails {
  nationalNumber: NationalNumber;
  givenName: string;
  familyName: string;
  birthDate: CalendarDate;
  /** The municipality of residence (name or NIS code as the agency records it). */
  municipality: string;
}

/**
 * VDAB_REGISTRATION and ACTIRIS_REGISTRATION are the same duty to register with the public employment service,
 * named after the partner of the newcomer's region (Actiris in Brussels); FOLLOW_UP_B1_ORAL is the follow-up track.
 */
export type DeadlineKind =
  'VDAB_REGISTRATION' | 'ACTIRIS_REGISTRATION' | 'AGENCY_REGISTRATION' | 'FOLLOW_UP_B1_ORAL';
/** The registration with the public employment service, whichever partner it names. */
export function isEmploymentRegistration(kind: DeadlineKind): boolean {
  return kind === 'VDAB_REGISTRATION' || kind === 'ACTIRIS_REGISTRATION';
}

export type DeadlineState = 'OPEN' | 'MET' | 'MISSED' | 'SUSPENDED' | 'WAIVED';
export type ViolationKind =
  | 'VDAB_REGISTRATION_DEADLINE_MISSED'
  | 'AGENCY_REGISTRATION_DEADLINE_MISSED'
  | 'FOLLOW_UP_DEADLINE_MISSED'
  | ReportableViolation;
export type ViolationState = 'OPEN' | 'DECIDED' | 'WITHDRAWN';

export type TrajectoryOpened = EventEnvelope<
  'TrajectoryOpened',
  {
    trajectoryId: string;
    newcomer: NewcomerDetails;
    agency: Agency;
    counsellorId?: string;
    /** Date of the registration (aanmelding) with the agency. */
    registeredOn: CalendarDate;
  }
>;

export type IntakeRecorded = EventEnvelope<
  'IntakeRecorded',
  { intakeOn: CalendarDate; profile?: IntakeProfile }
>;

export type ContractSigned = EventEnvelope<
  'ContractSigned',
  { signedOn: CalendarDate; policyVersion: PolicyVersionId }
>;

export type DeadlineSet = EventEnvelope<
  'DeadlineSet',
  {
    deadlineId: string;
    kind: DeadlineKind;
    dueOn: CalendarDate;
    /** OBLIGATION_START: only in events recorded before the agency's letter became the anchor. */
    anchor: DeadlineAnchor | 'OBLIGATION_START' | 'AGENCY_LETTER' | 'ATTEST';
    anchorOn: CalendarDate;
    policyVersion: PolicyVersionId;
    source: string;
  }
>;

export type VdabRegistrationRecorded = EventEnvelope<
  'VdabRegistrationRecorded',
  { registeredOn: CalendarDate; vdabClientReference: string }
>;

export type DeadlineMet = EventEnvelope<
  'DeadlineMet',
  { deadlineId: string; kind: DeadlineKind; metOn: CalendarDate }
>;

export type DeadlineMissed = EventEnvelope<
  'DeadlineMissed',
  { deadlineId: string; kind: DeadlineKind; dueOn: CalendarDate }
>;

export type ViolationOpened = EventEnvelope<
  'ViolationOpened',
  { violationId: string; kind: ViolationKind; deadlineId?: string; facts: string }
>;

export type TrajectoryClosed = EventEnvelope<
  'TrajectoryClosed',
  { reason: ClosureReason; closedOn: CalendarDate; explanation?: string }
>;

export type TrajectorySuspended = EventEnvelope<
  'TrajectorySuspended',
  { reason: SuspensionReason; suspendedFrom: CalendarDate; explanation?: string }
>;

export type TrajectoryResumed = EventEnvelope<
  'TrajectoryResumed',
  { suspendedFrom: CalendarDate; resumedOn: CalendarDate; suspendedDays: number }
>;

export type DeadlineMoveReason = 'SUSPENSION' | 'CORRECTION';

export type DeadlineMoved = EventEnvelope<
  'DeadlineMoved',
  {
    deadlineId: string;
    kind: DeadlineKind;
    previousDueOn: CalendarDate;
    dueOn: CalendarDate;
    reason: DeadlineMoveReason;
  }
>;

export type TrajectoryTransferred = EventEnvelope<
  'TrajectoryTransferred',
  { fromAgency: Agency; toAgency: Agency; transferredOn: CalendarDate; counsellorId?: string }
>;

/** The case moved from one counsellor of the agency to another (from none when it had no counsellor yet). */
export type CounsellorReassigned = EventEnvelope<
  'CounsellorReassigned',
  { fromCounsellorId?: string; toCounsellorId: string; reassignedOn: CalendarDate }
>;

export type FactCorrected = EventEnvelope<
  'FactCorrected',
  { fact: CorrectableFact; previousDate: CalendarDate; correctedDate: CalendarDate; reason: string }
>;

export type FineDecisionRecorded = EventEnvelope<
  'FineDecisionRecorded',
  {
    violationId: string;
    decision: FineDecision;
    amountEuro?: number;
    decidedOn: CalendarDate;
    explanation?: string;
  }
>;

export type TargetGroupDetermined = EventEnvelope<
  'TargetGroupDetermined',
  { decision: TargetGroupDecision; facts: TargetGroupFacts }
>;

export type TargetGroupOverridden = EventEnvelope<
  'TargetGroupOverridden',
  { derived: TargetGroupDecision; recorded: RecordedTargetGroupStatus; reason: string }
>;

export type PillarsDetermined = EventEnvelope<
  'PillarsDetermined',
  { policyVersion: PolicyVersionId } & PillarsDetermination
>;

export type MoCourseEnrolled = EventEnvelope<
  'MoCourseEnrolled',
  { provider: string; language: string; enrolledOn: CalendarDate }
>;
export type MoTestTaken = EventEnvelope<'MoTestTaken', { takenOn: CalendarDate; passed: boolean }>;
export type AttendanceRecorded = EventEnvelope<
  'AttendanceRecorded',
  {
    pillar: 'MO' | 'NT2';
    periodFrom: CalendarDate;
    periodTo: CalendarDate;
    hoursScheduled: number;
    hoursAttended: number;
  }
>;
export type Nt2Referred = EventEnvelope<
  'Nt2Referred',
  { provider: string; course: string; level: Nt2Level; referredOn: CalendarDate }
>;
export type Nt2CourseEnrolled = EventEnvelope<
  'Nt2CourseEnrolled',
  { provider: string; course: string; level: Nt2Level; enrolledOn: CalendarDate }
>;
export type Nt2TargetAdjusted = EventEnvelope<
  'Nt2TargetAdjusted',
  { targetLevel: Nt2Level; previousTargetLevel: Nt2Level; adjustedOn: CalendarDate; reason: string }
>;
/** `skills` absent: a test of all four skills (every event recorded before skills were recorded). */
export type Nt2TestTaken = EventEnvelope<
  'Nt2TestTaken',
  { level: Nt2Level; takenOn: CalendarDate; passed: boolean; skills?: Nt2Skill[] }
>;
export type WorkTrackAgreed = EventEnvelope<
  'WorkTrackAgreed',
  { description: string; agreedOn: CalendarDate }
>;
export type ParticipationActivityLogged = EventEnvelope<'ParticipationActivityLogged', ParticipationActivity>;
export type PillarCompleted = EventEnvelope<
  'PillarCompleted',
  { pillar: Pillar; completedOn: CalendarDate; condition: string }
>;
export type PillarWaived = EventEnvelope<
  'PillarWaived',
  { pillar: Pillar; waivedOn: CalendarDate; reason: string }
>;
export type AttestIssued = EventEnvelope<
  'AttestIssued',
  { attestNumber: string; issuedOn: CalendarDate; policyVersion: PolicyVersionId; conditions: string[] }
>;

/** A violation file closed without a decision because the facts behind it turned out not to hold. */
export type ViolationWithdrawn = EventEnvelope<'ViolationWithdrawn', { violationId: string; reason: string }>;

/** The newcomer is exempt from the obligation from `grantedOn`; `source` is the rule behind the reason. */
export type ExemptionGranted = EventEnvelope<
  'ExemptionGranted',
  { reason: ExemptionReason; grantedOn: CalendarDate; source: string; explanation?: string }
>;

export type DeadlineWaived = EventEnvelope<
  'DeadlineWaived',
  { deadlineId: string; kind: DeadlineKind; reason: string }
>;

/**
 * The agency's registered letter telling an obliged newcomer to report within three months: the reporting
 * deadline runs from it (Verplichting tot inburgering §Aanmelden, see docs/sources.md).
 */
export type AgencyLetterRecorded = EventEnvelope<
  'AgencyLetterRecorded',
  { sentOn: CalendarDate; sendingAgency: Agency }
>;

/** The newcomer lives somewhere else from `movedOn`; `nisCode` is absent for a move abroad. */
export type NewcomerMoved = EventEnvelope<
  'NewcomerMoved',
  { movedOn: CalendarDate; municipality: string; nisCode?: string; region: ResidenceRegion }
>;

/** The follow-up track (vervolgtraject) starts with the attest: B1 for the oral skills by `dueOn`. */
export type FollowUpStarted = EventEnvelope<
  'FollowUpStarted',
  {
    startedOn: CalendarDate;
    targetLevel: Nt2Level;
    skills: Nt2Skill[];
    dueOn: CalendarDate;
    policyVersion: PolicyVersionId;
    source: string;
  }
>;

export type FollowUpTestTaken = EventEnvelope<
  'FollowUpTestTaken',
  { level: Nt2Level; takenOn: CalendarDate; passed: boolean }
>;

/** Instead of the attest, for a newcomer whose limited learning capacity makes the objectives impossible. */
export type DeclarationOfEffortIssued = EventEnvelope<
  'DeclarationOfEffortIssued',
  { issuedOn: CalendarDate; reason: string; policyVersion: PolicyVersionId; source: string }
>;

export type TrajectoryEvent =
  | TrajectoryOpened
  | IntakeRecorded
  | ContractSigned
  | DeadlineSet
  | VdabRegistrationRecorded
  | DeadlineMet
  | DeadlineMissed
  | ViolationOpened
  | TrajectoryClosed
  | TrajectorySuspended
  | TrajectoryResumed
  | DeadlineMoved
  | TrajectoryTransferred
  | CounsellorReassigned
  | FactCorrected
  | FineDecisionRecorded
  | TargetGroupDetermined
  | TargetGroupOverridden
  | PillarsDetermined
  | MoCourseEnrolled
  | MoTestTaken
  | AttendanceRecorded
  | Nt2Referred
  | Nt2CourseEnrolled
  | Nt2TargetAdjusted
  | Nt2TestTaken
  | WorkTrackAgreed
  | ParticipationActivityLogged
  | PillarCompleted
  | PillarWaived
  | AttestIssued
  | DeadlineWaived
  | ViolationWithdrawn
  | ExemptionGranted
  | AgencyLetterRecorded
  | NewcomerMoved
  | FollowUpStarted
  | FollowUpTestTaken
  | DeclarationOfEffortIssued;

export type TrajectoryEventType = TrajectoryEvent['type'];

/** Every event type's current schema version, the single place to bump when an event's shape changes. */
export const EVENT_SCHEMA_VERSIONS: Record<TrajectoryEventType, number> = {
  TrajectoryOpened: 1,
  IntakeRecorded: 1,
  ContractSigned: 1,
  DeadlineSet: 1,
  VdabRegistrationRecorded: 1,
  DeadlineMet: 1,
  DeadlineMissed: 1,
  ViolationOpened: 1,
  TrajectoryClosed: 1,
  TrajectorySuspended: 1,
  TrajectoryResumed: 1,
  DeadlineMoved: 1,
  TrajectoryTransferred: 1,
  CounsellorReassigned: 1,
  FactCorrected: 1,
  FineDecisionRecorded: 1,
  TargetGroupDetermined: 1,
  TargetGroupOverridden: 1,
  PillarsDetermined: 1,
  MoCourseEnrolled: 1,
  MoTestTaken: 1,
  AttendanceRecorded: 1,
  Nt2Referred: 1,
  Nt2TestTaken: 1,
  WorkTrackAgreed: 1,
  ParticipationActivityLogged: 1,
  PillarCompleted: 1,
  PillarWaived: 1,
  AttestIssued: 1,
  DeadlineWaived: 1,
  ViolationWithdrawn: 1,
  ExemptionGranted: 1,
  Nt2CourseEnrolled: 1,
  Nt2TargetAdjusted: 1,
  AgencyLetterRecorded: 1,
  NewcomerMoved: 1,
  FollowUpStarted: 1,
  FollowUpTestTaken: 1,
  DeclarationOfEffortIssued: 1,
};

export function trajectoryEvent<E extends TrajectoryEvent>(
  type: E['type'],
  data: E['data'],
  occurredAt: Date | number,
): E {
  return {
    type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[type],
    occurredAt: new Date(occurredAt).toISOString(),
    data,
  } as E;
}
