import { Agency } from '../agency';
import { IntakeProfile, LiteracyProfile, ParticipationActivityKind } from '../pillars/pillar-state';
import { Nt2Level, Nt2Skill, Pillar } from '../policy/pillar';
import { ExemptionReason } from '../target-group/exemption-reasons';
import { TargetGroupFacts } from '../target-group/target-group-facts';
import { RecordedTargetGroupStatus } from '../target-group/target-group-override';

/**
 * What a caseworker or partner asks of a trajectory. Commands carry raw input (dates as YYYY-MM-DD strings);
 * `decide` checks them against the rules and the current state.
 */
export interface OpenTrajectory {
  type: 'OpenTrajectory';
  trajectoryId: string;
  newcomer: {
    nationalNumber: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    municipality: string;
  };
  agency: Agency;
  counsellorId?: string;
  /** Defaults to today (Brussels). */
  registeredOn?: string;
  /** Facts for the target group (obliged, entitled, exempt); the birth date is taken from the newcomer. */
  targetGroupFacts?: TargetGroupFacts;
}

export interface RecordIntake {
  type: 'RecordIntake';
  intakeOn: string;
  /** Work, study, right to work and literacy: decide which pillars apply and the NT2 target. */
  profile?: IntakeProfile;
}

export interface RecordContract {
  type: 'RecordContract';
  signedOn: string;
}

export interface RecordVdabRegistration {
  type: 'RecordVdabRegistration';
  registeredOn: string;
  vdabClientReference: string;
}

/** Reasons a counsellor closes a trajectory; it also closes by itself when the attest is issued. */
export const CLOSURE_REASONS = ['CONTRACT_TERMINATED', 'MOVED_OUT_OF_FLANDERS', 'DECEASED'] as const;
export type CounsellorClosureReason = (typeof CLOSURE_REASONS)[number];
/**
 * Reasons the trajectory closes by itself: the attest (or the follow-up track after it), a declaration of effort,
 * or, for a voluntary contract, the fine for breaking it.
 */
export type ClosureReason =
  | CounsellorClosureReason
  | 'ATTEST_ISSUED'
  | 'FOLLOW_UP_COMPLETED'
  | 'DECLARATION_OF_EFFORT'
  | 'FINED_VOLUNTARY_CONTRACT';

export interface CloseTrajectory {
  type: 'CloseTrajectory';
  reason: CounsellorClosureReason;
  closedOn: string;
  explanation?: string;
}

export const SUSPENSION_REASONS = ['ILLNESS', 'PREGNANCY', 'FAMILY_CIRCUMSTANCES', 'OTHER'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Suspension (opschorting): the trajectory pauses and its open deadlines stop running. */
export interface SuspendTrajectory {
  type: 'SuspendTrajectory';
  reason: SuspensionReason;
  suspendedFrom: string;
  explanation?: string;
}

/** Resumption: open deadlines move by the number of days the trajectory was suspended. */
export interface ResumeTrajectory {
  type: 'ResumeTrajectory';
  resumedOn: string;
}

/**
 * The newcomer moved to the area of another agency: that agency owns the case from now on, history included.
 * `municipality` and its NIS code say where to; the municipality must lie in the receiving agency's area.
 */
export interface TransferTrajectory {
  type: 'TransferTrajectory';
  toAgency: Agency;
  transferredOn: string;
  municipality: string;
  nisCode: string;
  counsellorId?: string;
}

/**
 * A team lead hands a case to another counsellor of the same agency (the agency does not change: that is a
 * transfer). `reassignedOn` defaults to today (Brussels).
 */
export interface ReassignCounsellor {
  type: 'ReassignCounsellor';
  toCounsellorId: string;
  reassignedOn?: string;
}

/**
 * The newcomer moved without the case changing agency: within its area, to Brussels (the obligation ends), or
 * out of Flanders and Brussels (the trajectory ends). `nisCode` is required unless the move is `abroad`.
 */
export interface RecordMove {
  type: 'RecordMove';
  movedOn: string;
  municipality: string;
  nisCode?: string;
  abroad?: boolean;
}

/** The agency's registered letter to an obliged newcomer: the three months to report run from it. */
export interface RecordAgencyLetter {
  type: 'RecordAgencyLetter';
  sentOn: string;
  sendingAgency: Agency;
}

/** A result of the follow-up track's test (B1, oral skills). */
export interface RecordFollowUpTestResult {
  type: 'RecordFollowUpTestResult';
  level: Nt2Level;
  takenOn: string;
  passed: boolean;
}

/**
 * The counsellor records a declaration of effort (verklaring van geleverde inspanning) instead of the attest:
 * limited learning capacity makes the objectives impossible. The reason is mandatory.
 */
export interface RecordDeclarationOfEffort {
  type: 'RecordDeclarationOfEffort';
  issuedOn: string;
  reason: string;
}

export const CORRECTABLE_FACTS = ['INTAKE_DATE', 'CONTRACT_SIGNING_DATE', 'VDAB_REGISTRATION_DATE'] as const;
export type CorrectableFact = (typeof CORRECTABLE_FACTS)[number];

/** A wrongly recorded fact is corrected by a new event with a reason, never by editing the old one. */
export interface CorrectFact {
  type: 'CorrectFact';
  fact: CorrectableFact;
  correctedDate: string;
  reason: string;
}

export const FINE_DECISIONS = ['NO_FINE', 'FINE'] as const;
export type FineDecision = (typeof FINE_DECISIONS)[number];

/** The enforcement officer's decision on a violation file (inbreukdossier). */
export interface RecordFineDecision {
  type: 'RecordFineDecision';
  violationId: string;
  decision: FineDecision;
  /** Whole euros; required for FINE, absent for NO_FINE. */
  amountEuro?: number;
  decidedOn: string;
  explanation?: string;
}

/** New or completed target-group facts (typically at intake): the status is derived again. */
export interface RecordTargetGroupFacts {
  type: 'RecordTargetGroupFacts';
  facts: TargetGroupFacts;
}

/** A counsellor records a status other than the derived one; the reason is mandatory, both stay in the history. */
export interface OverrideTargetGroup {
  type: 'OverrideTargetGroup';
  recorded: RecordedTargetGroupStatus;
  reason: string;
}

/**
 * An exemption from the obligation granted later (domain brief §3 "an exemption granted later"), for one of the
 * exemption reasons of Actieplan integratiebeleid l.969-977: e.g. the newcomer turned 65 or fell seriously ill. The obligation's
 * running deadlines are waived; the newcomer may go on with the trajectory voluntarily.
 */
export interface GrantExemption {
  type: 'GrantExemption';
  reason: ExemptionReason;
  grantedOn: string;
  explanation?: string;
}

export interface EnrolInMoCourse {
  type: 'EnrolInMoCourse';
  provider: string;
  /** The language the course is given in: one the newcomer understands (BBT 2020-2021 l.1072-1077). */
  language: string;
  enrolledOn: string;
}

export interface RecordMoTestResult {
  type: 'RecordMoTestResult';
  takenOn: string;
  passed: boolean;
}

/** Attendance of the MO or NT2 course over a period, reported by the course provider or the counsellor. */
export interface RecordAttendance {
  type: 'RecordAttendance';
  pillar: 'MO' | 'NT2';
  periodFrom: string;
  periodTo: string;
  hoursScheduled: number;
  hoursAttended: number;
}

export interface ReferToNt2Course {
  type: 'ReferToNt2Course';
  provider: string;
  course: string;
  level: Nt2Level;
  referredOn: string;
}

/** The newcomer starts an NT2 course, normally the one of the referral (reported by the provider or the counsellor). */
export interface EnrolInNt2Course {
  type: 'EnrolInNt2Course';
  provider: string;
  course: string;
  level: Nt2Level;
  enrolledOn: string;
}

/**
 * The adjusted path for illiterate and low-literate learners (BBT 2020-2021 l.1109-1117): the counsellor sets a
 * lower NT2 target for this learner, with the reason, but only to a level the trajectory's policy version allows
 * (`lowLiterateTargetLevel`). Since 1 March 2022 the literacy track is A2 for the oral skills, set at the contract
 * (Verplichting tot inburgering §Nederlands), and no version allows a lower level; targets lowered before stay.
 */
export interface AdjustNt2Target {
  type: 'AdjustNt2Target';
  targetLevel: Nt2Level;
  adjustedOn: string;
  reason: string;
}

export interface RecordNt2TestResult {
  type: 'RecordNt2TestResult';
  level: Nt2Level;
  takenOn: string;
  passed: boolean;
  /** The skills the test covered; absent: all four. */
  skills?: Nt2Skill[];
}

export interface AgreeWorkTrack {
  type: 'AgreeWorkTrack';
  description: string;
  agreedOn: string;
}

export interface LogParticipationActivity {
  type: 'LogParticipationActivity';
  kind: ParticipationActivityKind;
  hours: number;
  startedOn: string;
  endedOn: string;
  organisation: string;
  /** The coordinating municipality; defaults to the newcomer's. */
  municipality?: string;
  participantFeedback?: string;
  organisationFeedback?: string;
}

/** An exemption granted later for one pillar (e.g. incapacity for work, a diploma). */
export interface WaivePillar {
  type: 'WaivePillar';
  pillar: Pillar;
  reason: string;
  waivedOn: string;
}

export const REPORTABLE_VIOLATIONS = ['REFUSAL_TO_SIGN', 'IRREGULAR_ATTENDANCE'] as const;
export type ReportableViolation = (typeof REPORTABLE_VIOLATIONS)[number];

/** A counsellor reports a violation the system cannot see by itself. */
export interface ReportViolation {
  type: 'ReportViolation';
  kind: ReportableViolation;
  observedOn: string;
  facts: string;
}

export type { LiteracyProfile };

export type TrajectoryCommand =
  | OpenTrajectory
  | RecordIntake
  | RecordContract
  | RecordVdabRegistration
  | CloseTrajectory
  | SuspendTrajectory
  | ResumeTrajectory
  | TransferTrajectory
  | ReassignCounsellor
  | CorrectFact
  | RecordFineDecision
  | RecordTargetGroupFacts
  | OverrideTargetGroup
  | GrantExemption
  | EnrolInMoCourse
  | RecordMoTestResult
  | RecordAttendance
  | ReferToNt2Course
  | EnrolInNt2Course
  | AdjustNt2Target
  | RecordNt2TestResult
  | AgreeWorkTrack
  | LogParticipationActivity
  | WaivePillar
  | ReportViolation
  | RecordMove
  | RecordAgencyLetter
  | RecordFollowUpTestResult
  | RecordDeclarationOfEffort;
export type TrajectoryCommandType = TrajectoryCommand['type'];
