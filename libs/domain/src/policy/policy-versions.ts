import { CalendarDate, calendarDate } from '../time/calendar-date';
import { Nt2Level, Nt2Skill, ORAL_SKILLS, Pillar } from './pillar';

/**
 * Policy versions: the rules a trajectory follows, chosen by its contract signing date and kept for its whole life.
 * Every number here is a parameter of the decree, never a constant buried in a workflow; each cites its source.
 * Adding a version never changes trajectories already governed by an earlier one.
 */
export type PolicyVersionId = '2016' | '2022' | '2023';

/** The event from which a deadline is counted. */
export type DeadlineAnchor = 'CONTRACT_SIGNED' | 'INTAKE';

/**
 * Registration with the public employment service (VDAB; Actiris in Brussels) within `amount` `unit` of the anchor.
 * The unit is data because the sources differ: "two months" (BBT 2020-2021 l.1203-1205) against "60 days"
 * (Verplichting tot inburgering §Werk); docs/sources.md records the choice.
 */
export interface VdabRegistrationRule {
  anchor: DeadlineAnchor;
  amount: number;
  unit: 'MONTHS' | 'DAYS';
  source: string;
}

export interface PolicyVersion {
  id: PolicyVersionId;
  effectiveFrom: CalendarDate;
  summary: string;
  /** Absent when the version has no VDAB registration obligation. */
  vdabRegistration?: VdabRegistrationRule;
}

/**
 * The parameters of a version. Each carries its `source`: a passage of a source document (docs/sources.md), or 'public: ...' for a public fact about
 * the decree of 7 June 2013 as amended that the source documents do not state.
 */
export interface PolicyParameters {
  /** An obliged newcomer reports to an agency within this many months of the start of the obligation. */
  agencyRegistration: { months: number; source: string };
  mo: { requiredResult: 'PASS_MO' | 'PASS_STANDARDISED_MO_TEST'; source: string };
  nt2: {
    targetLevel: Nt2Level;
    targetLevelSource: string;
    /**
     * The literacy track (alfa) for illiterate and low-literate learners: the target level and the skills it
     * covers. Absent: the version has no literacy track, the learner follows the regular target.
     */
    literacyTrack?: { targetLevel: Nt2Level; skills: readonly Nt2Skill[]; source: string };
    /**
     * A level below the target that a counsellor may set for a learner on the adjusted path. 'NOT_SET': the
     * version allows none, so no counsellor can lower the target.
     */
    lowLiterateTargetLevel: Nt2Level | 'NOT_SET';
    lowLiterateTargetLevelSource: string;
  };
  /**
   * The follow-up track (vervolgtraject) after the attest, for newcomers obliged from `obligedFrom`. Absent: none.
   */
  followUp?: {
    obligedFrom: CalendarDate;
    targetLevel: Nt2Level;
    skills: readonly Nt2Skill[];
    months: number;
    source: string;
  };
  /** The declaration of effort instead of the attest; absent: the version has none. */
  declarationOfEffort?: { source: string };
  /** Absent before the participation-and-network pillar exists. */
  participation?: {
    hours: number;
    source: string;
    optionalFor: readonly ('WORKING' | 'STUDYING' | 'VOLUNTARY_TRAJECTORY')[];
    optionalForSource: string;
  };
  attest: {
    /** Pillars every newcomer must complete. */
    requiredPillars: readonly Pillar[];
    /** Pillars that count only for the newcomers they apply to (e.g. VDAB registration for people of working age). */
    requiredWhenApplicable: readonly Pillar[];
    source: string;
  };
  fine: { minimumEuro: number; maximumEuro: number; source: string };
  /** The fee (retributie) for certifying tests; `amountEuro` null: not set by the sources, configured by an administrator. */
  fee: { charged: boolean; amountEuro: number | null; source: string };
}

export interface ParameterisedPolicyVersion extends PolicyVersion {
  parameters: PolicyParameters;
}

const VDAB_WITHIN_TWO_MONTHS_OF_CONTRACT: VdabRegistrationRule = {
  anchor: 'CONTRACT_SIGNED',
  amount: 2,
  unit: 'MONTHS',
  source:
    'BBT 2020-2021 l.1203-1205: "uiterlijk 2 maanden na het ondertekenen van het inburgeringscontract ingeschreven" (l.41-42 counts from intake; the anchor is a parameter; Verplichting tot inburgering §Werk says 60 days: see docs/sources.md)',
};

const AGENCY_REGISTRATION_WITHIN_THREE_MONTHS: PolicyParameters['agencyRegistration'] = {
  months: 3,
  source:
    "Verplichting tot inburgering §Aanmelden: report to an agency within 3 months, in practice counted from the agency's registered letter",
};

const FINE_50_TO_5000_EURO: PolicyParameters['fine'] = {
  minimumEuro: 50,
  maximumEuro: 5000,
  source:
    'Handhaving inburgeringsbeleid §Boete: 50 to 5,000 euro; Actieplan integratiebeleid l.293-295: fined by the Agentschap Binnenlands Bestuur',
};

const STANDARDISED_MO_TEST: PolicyParameters['mo'] = {
  requiredResult: 'PASS_STANDARDISED_MO_TEST',
  source:
    'BBT 2020-2021 l.1072-1077: "de gestandaardiseerde test Maatschappelijke Oriëntatie ontwikkelen" for the reform of 1 January 2022',
};

const NT2_A2: PolicyParameters['nt2'] = {
  targetLevel: 'A2',
  targetLevelSource:
    'BBT 2020-2021 l.1109-1110: "op het einde van het inburgeringstraject het taalniveau A2 behalen"',
  literacyTrack: {
    targetLevel: 'A2',
    skills: ORAL_SKILLS,
    source:
      'Verplichting tot inburgering §Nederlands: A2, for learners on the literacy track (alfa) the oral skills only; BBT 2020-2021 l.1110 had left it open',
  },
  lowLiterateTargetLevel: 'NOT_SET',
  lowLiterateTargetLevelSource:
    'Verplichting tot inburgering §Nederlands names no level below A2; BBT 2020-2021 l.1110 "wordt verder bekeken"',
};

/** The follow-up track: B1 oral within 24 months after the attest, for newcomers obliged since 1 March 2022. */
const FOLLOW_UP_B1_ORAL: NonNullable<PolicyParameters['followUp']> = {
  obligedFrom: calendarDate('2022-03-01'),
  targetLevel: 'B1',
  skills: ORAL_SKILLS,
  months: 24,
  source:
    'Verplichting tot inburgering §Vervolgtraject: B1 oral within 24 months after the attest, obliged since 1 March 2022 (BBT 2020-2021 l.1119-1122 had planned it for VDAB clients without work or study)',
};

const DECLARATION_OF_EFFORT: NonNullable<PolicyParameters['declarationOfEffort']> = {
  source:
    'Verplichting tot inburgering §Attest: a declaration of effort (verklaring van geleverde inspanning) where limited learning capacity makes the objectives impossible',
};

const TEST_FEE_FROM_2022: PolicyParameters['fee'] = {
  charged: true,
  amountEuro: null,
  source:
    'BBT 2020-2021 l.1140-1143: "Voor deze taaltesten wordt een retributie ingevoerd ... met aanvang in 2022" (amount not in the sources; parameter)',
};

const VDAB_ATTEST_CONDITION =
  'BBT 2020-2021 l.1199-1207: VDAB registration for every newcomer of working age, except e.g. incapacity for work';

export const POLICY_VERSIONS: readonly ParameterisedPolicyVersion[] = [
  {
    id: '2016',
    effectiveFrom: calendarDate('2016-01-01'),
    summary: 'Result obligation: attest only after passing MO and NT2 (Beleidsbrief 2015-2016 l.135-137).',
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: {
        requiredResult: 'PASS_MO',
        source:
          'Beleidsbrief 2015-2016 l.135-137: "enkel nog uitgereikt worden aan inburgeraars die geslaagd zijn voor MO en NT2"',
      },
      nt2: {
        targetLevel: 'A1',
        targetLevelSource:
          'public: A1 under the 2016 result obligation; the sources name no level for 2016 (Beleidsbrief 2015-2016 l.135-137 only "geslaagd voor ... NT2"); parameter',
        lowLiterateTargetLevel: 'NOT_SET',
        lowLiterateTargetLevelSource:
          'public: no adjusted target is known for 2016 and the sources name none; parameter',
      },
      attest: {
        requiredPillars: ['MO', 'NT2'],
        requiredWhenApplicable: [],
        source: 'Beleidsbrief 2015-2016 l.135-137, l.913-914: attest only after passing MO and NT2',
      },
      fine: FINE_50_TO_5000_EURO,
      fee: {
        charged: false,
        amountEuro: null,
        source: 'BBT 2020-2021 l.1140-1143: the test fee is introduced with the reform starting in 2022',
      },
    },
  },
  {
    id: '2022',
    effectiveFrom: calendarDate('2022-01-01'),
    summary:
      'Reformed trajectory: VDAB registration within two months of the contract, NT2 target A2, standardised MO test (BBT 2020-2021 l.1072, l.1109-1143, l.1203-1205).',
    vdabRegistration: VDAB_WITHIN_TWO_MONTHS_OF_CONTRACT,
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: STANDARDISED_MO_TEST,
      nt2: NT2_A2,
      followUp: FOLLOW_UP_B1_ORAL,
      declarationOfEffort: DECLARATION_OF_EFFORT,
      attest: {
        requiredPillars: ['MO', 'NT2'],
        requiredWhenApplicable: ['WORK'],
        source: `public: from 2022 the attest also requires the VDAB registration where it applies; ${VDAB_ATTEST_CONDITION}`,
      },
      fine: FINE_50_TO_5000_EURO,
      fee: TEST_FEE_FROM_2022,
    },
  },
  {
    id: '2023',
    effectiveFrom: calendarDate('2023-01-01'),
    summary:
      'Adds the 40-hour participation-and-network pillar (Beleidsplan 2020-2024 l.203-222; public: from 1 January 2023).',
    vdabRegistration: VDAB_WITHIN_TWO_MONTHS_OF_CONTRACT,
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: STANDARDISED_MO_TEST,
      nt2: NT2_A2,
      followUp: FOLLOW_UP_B1_ORAL,
      declarationOfEffort: DECLARATION_OF_EFFORT,
      participation: {
        hours: 40,
        source:
          'Beleidsplan 2020-2024 l.203-222: "een traject op maat aan van 40 uur" (buddy, introductory internship, volunteering); public: from 1 January 2023',
        optionalFor: ['WORKING', 'STUDYING', 'VOLUNTARY_TRAJECTORY'],
        optionalForSource:
          'Beleidsplan 2020-2024 l.1147-1149: "optioneel voor wie werkt, studeert of vrijwillig een inburgeringstraject volgt"',
      },
      attest: {
        requiredPillars: ['MO', 'NT2'],
        requiredWhenApplicable: ['WORK', 'PARTICIPATION'],
        source: `public: from 2022 the attest also requires the VDAB and (from 2023) participation conditions where they apply; ${VDAB_ATTEST_CONDITION}; Beleidsplan 2020-2024 l.1147-1149 (participation optional for some)`,
      },
      fine: FINE_50_TO_5000_EURO,
      fee: TEST_FEE_FROM_2022,
    },
  },
];

/** The version in force on the contract signing date, or undefined before the first known version. */
export function policyVersionFor(signedOn: CalendarDate): ParameterisedPolicyVersion | undefined;
export function policyVersionFor<V extends PolicyVersion>(
  signedOn: CalendarDate,
  versions: readonly V[],
): V | undefined;
export function policyVersionFor(
  signedOn: CalendarDate,
  versions: readonly PolicyVersion[] = POLICY_VERSIONS,
): PolicyVersion | undefined {
  return [...versions]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
    .find((version) => version.effectiveFrom <= signedOn);
}

export function policyVersionById(id: PolicyVersionId): ParameterisedPolicyVersion {
  const version = POLICY_VERSIONS.find((candidate) => candidate.id === id);
  if (!version) throw new RangeError(`unknown policy version ${id}`);
  return version;
}
