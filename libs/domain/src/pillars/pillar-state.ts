import { pillarReasonText, type PillarReasonKey, type PillarReasonParams } from './applicability';
import { NT2_SKILLS, Nt2Level, Nt2Skill, Pillar } from '../policy/pillar';
import { CalendarDate } from '../time/calendar-date';

/**
 * Whether a pillar counts for this newcomer: REQUIRED for the attest, OPTIONAL (may be followed, does not
 * count), or NOT_APPLICABLE. Decided once, when the contract is signed, from the policy version and the facts.
 */
export type PillarApplicability = 'REQUIRED' | 'OPTIONAL' | 'NOT_APPLICABLE';
export type PillarStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'WAIVED';

export const LITERACY_PROFILES = ['LITERATE', 'LOW_LITERATE', 'ILLITERATE'] as const;
export type LiteracyProfile = (typeof LITERACY_PROFILES)[number];

export const PARTICIPATION_ACTIVITY_KINDS = [
  'BUDDY',
  'INTRODUCTORY_INTERNSHIP',
  'VOLUNTEERING',
  'LANGUAGE_INTERNSHIP',
  'CLUB_INTRODUCTION',
  'OTHER',
] as const;
export type ParticipationActivityKind = (typeof PARTICIPATION_ACTIVITY_KINDS)[number];

export const NT2_LEVELS: readonly Nt2Level[] = ['A1', 'A2', 'B1'];

/** What the intake learned about the newcomer that decides which pillars apply and the NT2 target. */
export interface IntakeProfile {
  working?: boolean;
  studying?: boolean;
  /** Has the right to work in Belgium. */
  mayWork?: boolean;
  literacy?: LiteracyProfile;
}

interface PillarBase {
  applicability: PillarApplicability;
  /**
   * Why it applies or not, as a wording key (PILLAR_REASON_KEYS) and its parameters, for a screen to translate and
   * `applicabilityReasonOf` to write in English.
   */
  applicabilityReasonKey?: PillarReasonKey;
  applicabilityReasonParams?: PillarReasonParams;
  /** The English reason as recorded, kept only for a pillar determined by an event recorded before reason keys. */
  applicabilityReason?: string;
  status: PillarStatus;
  completion?: { on: CalendarDate; condition: string };
  waiver?: { on: CalendarDate; reason: string };
}

/** Course attendance over a period, as the course provider reports it. */
export interface AttendanceRecord {
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  hoursScheduled: number;
  hoursAttended: number;
}

export interface MoPillar extends PillarBase {
  enrolments: { provider: string; language: string; enrolledOn: CalendarDate }[];
  /** `certificateNumber`: with a pass since schema version 2 of MoTestTaken; absent in older states. */
  testAttempts: { takenOn: CalendarDate; passed: boolean; certificateNumber?: string | null }[];
  attendance: AttendanceRecord[];
}

export interface Nt2Pillar extends PillarBase {
  targetLevel: Nt2Level;
  /** The skills the target covers (the literacy track: oral only); absent: all four. */
  skills?: Nt2Skill[];
  referrals: { provider: string; course: string; level: Nt2Level; referredOn: CalendarDate }[];
  /** The courses the newcomer actually started after a referral: the start of the NT2 pillar in practice. */
  enrolments: { provider: string; course: string; level: Nt2Level; enrolledOn: CalendarDate }[];
  testResults: {
    level: Nt2Level;
    takenOn: CalendarDate;
    passed: boolean;
    skills?: Nt2Skill[];
    certificateNumber?: string | null;
  }[];
  certificate?: { level: Nt2Level; obtainedOn: CalendarDate };
  /** A lower target set for this learner (illiterate or low-literate), replacing the policy's. */
  targetAdjustment?: { from: Nt2Level; adjustedOn: CalendarDate; reason: string };
  attendance: AttendanceRecord[];
}

export interface WorkPillar extends PillarBase {
  track?: { description: string; agreedOn: CalendarDate };
}

export interface ParticipationActivity {
  activityId: string;
  kind: ParticipationActivityKind;
  hours: number;
  startedOn: CalendarDate;
  endedOn: CalendarDate;
  organisation: string;
  municipality: string;
  participantFeedback?: string;
  organisationFeedback?: string;
}

export interface ParticipationPillar extends PillarBase {
  targetHours: number;
  hours: number;
  activities: ParticipationActivity[];
}

export interface PillarStates {
  MO: MoPillar;
  NT2: Nt2Pillar;
  WORK: WorkPillar;
  PARTICIPATION: ParticipationPillar;
}

export type { Pillar, Nt2Level };

export function levelReached(level: Nt2Level, target: Nt2Level): boolean {
  return NT2_LEVELS.indexOf(level) >= NT2_LEVELS.indexOf(target);
}

/** A passed NT2 test meets the target when it reached the level in every skill the target covers. */
export function nt2TargetMet(
  result: { level: Nt2Level; passed: boolean; skills?: readonly Nt2Skill[] },
  target: { targetLevel: Nt2Level; skills?: readonly Nt2Skill[] },
): boolean {
  const tested = result.skills ?? NT2_SKILLS;
  const required = target.skills ?? NT2_SKILLS;
  return (
    result.passed &&
    levelReached(result.level, target.targetLevel) &&
    required.every((skill) => tested.includes(skill))
  );
}

/** A pillar no longer stands between the newcomer and the attest. */
export function pillarSatisfied(pillar: PillarBase): boolean {
  return pillar.applicability !== 'REQUIRED' || pillar.status === 'COMPLETED' || pillar.status === 'WAIVED';
}

/** Why a pillar applies or not, in English (for the API, the audit and the decisions' messages). */
export function applicabilityReasonOf(pillar: {
  applicabilityReasonKey?: PillarReasonKey | null;
  applicabilityReasonParams?: PillarReasonParams | null;
  applicabilityReason?: string | null;
}): string {
  return pillar.applicabilityReasonKey
    ? pillarReasonText(pillar.applicabilityReasonKey, pillar.applicabilityReasonParams ?? {})
    : (pillar.applicabilityReason ?? '');
}
