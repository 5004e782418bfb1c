import { Nt2Level, Nt2Skill } from '../policy/pillar';
import { ParameterisedPolicyVersion } from '../policy/policy-versions';
import { ageOn } from '../target-group/age';
import { CalendarDate } from '../time/calendar-date';
import { IntakeProfile, PillarApplicability } from './pillar-state';

/**
 * Working age for the WORK pillar: "elke inburgeraar op beroepsactieve leeftijd" (BBT 2020-2021 l.1199-1200).
 * The sources give no numbers; 18 to 64 follows the target group's adult age and the 65+ exemption.
 */
export const WORKING_AGE = {
  from: 18,
  untilExclusive: 65,
  source: 'BBT 2020-2021 l.1199-1200 ("beroepsactieve leeftijd"); bounds: parameter',
};

export interface PillarDetermination {
  applicability: PillarApplicability;
  reason: string;
}

export interface PillarsDetermination {
  MO: PillarDetermination;
  /** `skills` absent: all four skills count. */
  NT2: PillarDetermination & { targetLevel: Nt2Level; skills?: Nt2Skill[] };
  WORK: PillarDetermination;
  PARTICIPATION: PillarDetermination & { targetHours: number };
}

export interface PillarFacts {
  policy: ParameterisedPolicyVersion;
  signedOn: CalendarDate;
  birthDate: CalendarDate;
  profile?: IntakeProfile;
  /** Follows the trajectory voluntarily (target group ENTITLED). */
  voluntary: boolean;
  /** Where the newcomer registers for work: Actiris for a Brussels resident (Handhaving inburgeringsbeleid §Brussel). */
  partner?: EmploymentServicePartner;
}

export type EmploymentServicePartner = 'VDAB' | 'ACTIRIS';

/** Which pillars count for this newcomer under the trajectory's policy version, and why. */
export function determinePillars({
  policy,
  signedOn,
  birthDate,
  profile,
  voluntary,
  partner = 'VDAB',
}: PillarFacts): PillarsDetermination {
  const { mo, participation, attest } = policy.parameters;
  return {
    MO: { applicability: 'REQUIRED', reason: `${mo.requiredResult} (${mo.source})` },
    NT2: nt2Determination(policy, profile),
    WORK: workDetermination(policy, ageOn(birthDate, signedOn), profile, partner),
    PARTICIPATION: participation
      ? {
          ...participationApplicability(profile, voluntary, participation.optionalForSource),
          targetHours: participation.hours,
        }
      : {
          applicability: 'NOT_APPLICABLE',
          reason: `policy ${policy.id} has no participation pillar (${attest.source})`,
          targetHours: 0,
        },
  };
}

function nt2Determination(
  policy: ParameterisedPolicyVersion,
  profile?: IntakeProfile,
): PillarsDetermination['NT2'] {
  const { nt2 } = policy.parameters;
  const lowLiterate = profile?.literacy === 'LOW_LITERATE' || profile?.literacy === 'ILLITERATE';
  if (lowLiterate && nt2.literacyTrack) {
    const { targetLevel, skills, source } = nt2.literacyTrack;
    return {
      applicability: 'REQUIRED',
      targetLevel,
      skills: [...skills],
      reason: `literacy track (alfa): ${targetLevel} for ${skills.map((skill) => skill.toLowerCase()).join(' and ')} only (${source})`,
    };
  }
  if (lowLiterate && nt2.lowLiterateTargetLevel !== 'NOT_SET') {
    return {
      applicability: 'REQUIRED',
      targetLevel: nt2.lowLiterateTargetLevel,
      reason: `adjusted target ${nt2.lowLiterateTargetLevel} for a ${profile?.literacy === 'ILLITERATE' ? 'non-literate' : 'low-literate'} learner (${nt2.lowLiterateTargetLevelSource})`,
    };
  }
  return {
    applicability: 'REQUIRED',
    targetLevel: nt2.targetLevel,
    reason: `target ${nt2.targetLevel} (${nt2.targetLevelSource})`,
  };
}

function workDetermination(
  policy: ParameterisedPolicyVersion,
  age: number,
  profile: IntakeProfile | undefined,
  partner: EmploymentServicePartner,
): PillarDetermination {
  if (!policy.vdabRegistration) {
    return {
      applicability: 'NOT_APPLICABLE',
      reason: `policy ${policy.id} has no VDAB registration condition`,
    };
  }
  if (age < WORKING_AGE.from || age >= WORKING_AGE.untilExclusive) {
    return {
      applicability: 'NOT_APPLICABLE',
      reason: `not of working age (${age} when the contract was signed; ${WORKING_AGE.source})`,
    };
  }
  if (profile?.mayWork === false) {
    return {
      applicability: 'NOT_APPLICABLE',
      reason: 'no right to work in Belgium (BBT 2020-2021 l.1206-1207 exceptions)',
    };
  }
  return {
    applicability: 'REQUIRED',
    reason: `${partner === 'ACTIRIS' ? 'Actiris' : 'VDAB'} registration within ${policy.vdabRegistration.amount} ${policy.vdabRegistration.unit.toLowerCase()} (${policy.vdabRegistration.source})`,
  };
}

function participationApplicability(
  profile: IntakeProfile | undefined,
  voluntary: boolean,
  source: string,
): PillarDetermination {
  if (voluntary)
    return { applicability: 'OPTIONAL', reason: `follows the trajectory voluntarily (${source})` };
  if (profile?.working) return { applicability: 'OPTIONAL', reason: `works (${source})` };
  if (profile?.studying) return { applicability: 'OPTIONAL', reason: `studies (${source})` };
  return {
    applicability: 'REQUIRED',
    reason:
      'not voluntary, not working or studying: the 40-hour trajectory applies (Beleidsplan 2020-2024 l.203-222)',
  };
}
