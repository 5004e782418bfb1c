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

/**
 * Every wording of why a pillar applies (or not), with the parameters it names: a stable key a screen translates,
 * while `reason` stays the English text for API clients. `source` is the citation of the rule.
 */
export const PILLAR_REASON_KEYS = {
  MO_REQUIRED: ['requiredResult', 'source'],
  NT2_LITERACY_TRACK: ['targetLevel', 'skills', 'source'],
  NT2_ADJUSTED_TARGET: ['targetLevel', 'literacy', 'source'],
  NT2_TARGET: ['targetLevel', 'source'],
  WORK_NOT_IN_POLICY: ['policyId'],
  WORK_NOT_OF_WORKING_AGE: ['age', 'source'],
  WORK_NO_RIGHT_TO_WORK: ['source'],
  WORK_REGISTRATION_WITHIN: ['partner', 'amount', 'unit', 'source'],
  PARTICIPATION_NOT_IN_POLICY: ['policyId', 'source'],
  PARTICIPATION_VOLUNTARY: ['source'],
  PARTICIPATION_WORKS: ['source'],
  PARTICIPATION_STUDIES: ['source'],
  PARTICIPATION_REQUIRED: ['source'],
} as const satisfies Record<string, readonly string[]>;

export type PillarReasonKey = keyof typeof PILLAR_REASON_KEYS;

export interface PillarDetermination {
  applicability: PillarApplicability;
  reason: string;
  /** Which wording (PILLAR_REASON_KEYS) with `reasonParams` filled in; absent in events recorded before it. */
  reasonKey?: PillarReasonKey;
  reasonParams?: Record<string, string | number>;
}

const NO_RIGHT_TO_WORK_SOURCE = 'BBT 2020-2021 l.1206-1207';
const PARTICIPATION_REQUIRED_SOURCE = 'Beleidsplan 2020-2024 l.203-222';

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
    MO: {
      applicability: 'REQUIRED',
      reason: `${mo.requiredResult} (${mo.source})`,
      reasonKey: 'MO_REQUIRED',
      reasonParams: { requiredResult: mo.requiredResult, source: mo.source },
    },
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
          reasonKey: 'PARTICIPATION_NOT_IN_POLICY',
          reasonParams: { policyId: policy.id, source: attest.source },
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
      reasonKey: 'NT2_LITERACY_TRACK',
      reasonParams: { targetLevel, skills: skills.join(','), source },
    };
  }
  if (lowLiterate && nt2.lowLiterateTargetLevel !== 'NOT_SET') {
    return {
      applicability: 'REQUIRED',
      targetLevel: nt2.lowLiterateTargetLevel,
      reason: `adjusted target ${nt2.lowLiterateTargetLevel} for a ${profile?.literacy === 'ILLITERATE' ? 'non-literate' : 'low-literate'} learner (${nt2.lowLiterateTargetLevelSource})`,
      reasonKey: 'NT2_ADJUSTED_TARGET',
      reasonParams: {
        targetLevel: nt2.lowLiterateTargetLevel,
        literacy: profile?.literacy ?? 'LOW_LITERATE',
        source: nt2.lowLiterateTargetLevelSource,
      },
    };
  }
  return {
    applicability: 'REQUIRED',
    targetLevel: nt2.targetLevel,
    reason: `target ${nt2.targetLevel} (${nt2.targetLevelSource})`,
    reasonKey: 'NT2_TARGET',
    reasonParams: { targetLevel: nt2.targetLevel, source: nt2.targetLevelSource },
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
      reasonKey: 'WORK_NOT_IN_POLICY',
      reasonParams: { policyId: policy.id },
    };
  }
  if (age < WORKING_AGE.from || age >= WORKING_AGE.untilExclusive) {
    return {
      applicability: 'NOT_APPLICABLE',
      reason: `not of working age (${age} when the contract was signed; ${WORKING_AGE.source})`,
      reasonKey: 'WORK_NOT_OF_WORKING_AGE',
      reasonParams: { age, source: WORKING_AGE.source },
    };
  }
  if (profile?.mayWork === false) {
    return {
      applicability: 'NOT_APPLICABLE',
      reason: `no right to work in Belgium (${NO_RIGHT_TO_WORK_SOURCE} exceptions)`,
      reasonKey: 'WORK_NO_RIGHT_TO_WORK',
      reasonParams: { source: NO_RIGHT_TO_WORK_SOURCE },
    };
  }
  return {
    applicability: 'REQUIRED',
    reason: `${partner === 'ACTIRIS' ? 'Actiris' : 'VDAB'} registration within ${policy.vdabRegistration.amount} ${policy.vdabRegistration.unit.toLowerCase()} (${policy.vdabRegistration.source})`,
    reasonKey: 'WORK_REGISTRATION_WITHIN',
    reasonParams: {
      partner,
      amount: policy.vdabRegistration.amount,
      unit: policy.vdabRegistration.unit,
      source: policy.vdabRegistration.source,
    },
  };
}

function participationApplicability(
  profile: IntakeProfile | undefined,
  voluntary: boolean,
  source: string,
): PillarDetermination {
  const optional = (reason: string, reasonKey: PillarReasonKey): PillarDetermination => ({
    applicability: 'OPTIONAL',
    reason: `${reason} (${source})`,
    reasonKey,
    reasonParams: { source },
  });
  if (voluntary) return optional('follows the trajectory voluntarily', 'PARTICIPATION_VOLUNTARY');
  if (profile?.working) return optional('works', 'PARTICIPATION_WORKS');
  if (profile?.studying) return optional('studies', 'PARTICIPATION_STUDIES');
  return {
    applicability: 'REQUIRED',
    reason: `not voluntary, not working or studying: the 40-hour trajectory applies (${PARTICIPATION_REQUIRED_SOURCE})`,
    reasonKey: 'PARTICIPATION_REQUIRED',
    reasonParams: { source: PARTICIPATION_REQUIRED_SOURCE },
  };
}
