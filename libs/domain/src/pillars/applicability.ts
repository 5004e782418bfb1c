import { Nt2Level, Nt2Skill } from '../policy/pillar';
import { ParameterisedPolicyVersion } from '../policy/policy-versions';
import { ageOn } from '../target-group/age';
import { CalendarDate } from '../time/calendar-date';
import type { IntakeProfile, PillarApplicability } from './pillar-state';

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
 * and `pillarReasonText` writes in English for API clients and the audit. `source` is the citation of the rule.
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

export type PillarReasonParams = Record<string, string | number>;

/**
 * Why a pillar applies (or not), in English: the one wording of each key, with its parameters filled in. The events
 * record it as `reason`; the folded state keeps only the key and the parameters, and the trajectory's view writes the
 * text again with this function (a rebuild maps every state to rows: the text was a tenth of what it wrote).
 */
export function pillarReasonText(key: PillarReasonKey, params: PillarReasonParams): string {
  const { source } = params;
  switch (key) {
    case 'MO_REQUIRED':
      return `${params.requiredResult} (${source})`;
    case 'NT2_LITERACY_TRACK': {
      const skills = String(params.skills)
        .split(',')
        .map((skill) => skill.toLowerCase())
        .join(' and ');
      return `literacy track (alfa): ${params.targetLevel} for ${skills} only (${source})`;
    }
    case 'NT2_ADJUSTED_TARGET':
      return `adjusted target ${params.targetLevel} for a ${params.literacy === 'ILLITERATE' ? 'non-literate' : 'low-literate'} learner (${source})`;
    case 'NT2_TARGET':
      return `target ${params.targetLevel} (${source})`;
    case 'WORK_NOT_IN_POLICY':
      return `policy ${params.policyId} has no VDAB registration condition`;
    case 'WORK_NOT_OF_WORKING_AGE':
      return `not of working age (${params.age} when the contract was signed; ${source})`;
    case 'WORK_NO_RIGHT_TO_WORK':
      return `no right to work in Belgium (${source} exceptions)`;
    case 'WORK_REGISTRATION_WITHIN':
      return `${params.partner === 'ACTIRIS' ? 'Actiris' : 'VDAB'} registration within ${params.amount} ${String(params.unit).toLowerCase()} (${source})`;
    case 'PARTICIPATION_NOT_IN_POLICY':
      return `policy ${params.policyId} has no participation pillar (${source})`;
    case 'PARTICIPATION_VOLUNTARY':
      return `follows the trajectory voluntarily (${source})`;
    case 'PARTICIPATION_WORKS':
      return `works (${source})`;
    case 'PARTICIPATION_STUDIES':
      return `studies (${source})`;
    case 'PARTICIPATION_REQUIRED':
      return `not voluntary, not working or studying: the 40-hour trajectory applies (${source})`;
  }
}

/** A determination of `key` with its parameters, and its English reason. */
function determination(
  applicability: PillarApplicability,
  reasonKey: PillarReasonKey,
  reasonParams: PillarReasonParams,
): PillarDetermination {
  return { applicability, reason: pillarReasonText(reasonKey, reasonParams), reasonKey, reasonParams };
}

export interface PillarDetermination {
  applicability: PillarApplicability;
  reason: string;
  /** Which wording (PILLAR_REASON_KEYS) with `reasonParams` filled in; absent in events recorded before it. */
  reasonKey?: PillarReasonKey;
  reasonParams?: PillarReasonParams;
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
    MO: determination('REQUIRED', 'MO_REQUIRED', { requiredResult: mo.requiredResult, source: mo.source }),
    NT2: nt2Determination(policy, profile),
    WORK: workDetermination(policy, ageOn(birthDate, signedOn), profile, partner),
    PARTICIPATION: participation
      ? {
          ...participationApplicability(profile, voluntary, participation.optionalForSource),
          targetHours: participation.hours,
        }
      : {
          ...determination('NOT_APPLICABLE', 'PARTICIPATION_NOT_IN_POLICY', {
            policyId: policy.id,
            source: attest.source,
          }),
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
      ...determination('REQUIRED', 'NT2_LITERACY_TRACK', { targetLevel, skills: skills.join(','), source }),
      targetLevel,
      skills: [...skills],
    };
  }
  if (lowLiterate && nt2.lowLiterateTargetLevel !== 'NOT_SET') {
    return {
      ...determination('REQUIRED', 'NT2_ADJUSTED_TARGET', {
        targetLevel: nt2.lowLiterateTargetLevel,
        literacy: profile?.literacy ?? 'LOW_LITERATE',
        source: nt2.lowLiterateTargetLevelSource,
      }),
      targetLevel: nt2.lowLiterateTargetLevel,
    };
  }
  return {
    ...determination('REQUIRED', 'NT2_TARGET', {
      targetLevel: nt2.targetLevel,
      source: nt2.targetLevelSource,
    }),
    targetLevel: nt2.targetLevel,
  };
}

function workDetermination(
  policy: ParameterisedPolicyVersion,
  age: number,
  profile: IntakeProfile | undefined,
  partner: EmploymentServicePartner,
): PillarDetermination {
  if (!policy.vdabRegistration) {
    return determination('NOT_APPLICABLE', 'WORK_NOT_IN_POLICY', { policyId: policy.id });
  }
  if (age < WORKING_AGE.from || age >= WORKING_AGE.untilExclusive) {
    return determination('NOT_APPLICABLE', 'WORK_NOT_OF_WORKING_AGE', { age, source: WORKING_AGE.source });
  }
  if (profile?.mayWork === false) {
    return determination('NOT_APPLICABLE', 'WORK_NO_RIGHT_TO_WORK', { source: NO_RIGHT_TO_WORK_SOURCE });
  }
  return determination('REQUIRED', 'WORK_REGISTRATION_WITHIN', {
    partner,
    amount: policy.vdabRegistration.amount,
    unit: policy.vdabRegistration.unit,
    source: policy.vdabRegistration.source,
  });
}

function participationApplicability(
  profile: IntakeProfile | undefined,
  voluntary: boolean,
  source: string,
): PillarDetermination {
  if (voluntary) return determination('OPTIONAL', 'PARTICIPATION_VOLUNTARY', { source });
  if (profile?.working) return determination('OPTIONAL', 'PARTICIPATION_WORKS', { source });
  if (profile?.studying) return determination('OPTIONAL', 'PARTICIPATION_STUDIES', { source });
  return determination('REQUIRED', 'PARTICIPATION_REQUIRED', { source: PARTICIPATION_REQUIRED_SOURCE });
}
