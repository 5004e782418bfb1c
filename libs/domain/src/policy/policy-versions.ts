import { CalendarDate, calendarDate } from '../time/calendar-date';
import { Nt2Level, Pillar } from './pillar';

/**
 * Policy versions: the rules a trajectory follows, chosen by its contract signing date and kept for its whole life.
 * Every number here is a parameter of the decree, never a constant buried in a workflow; each cites its source.
 * Adding a version never changes trajectories already governed by an earlier one.
 */
export type PolicyVersionId = '2016' | '2022' | '2023';

/** The event from which a deadline is counted. */
export type DeadlineAnchor = 'CONTRACT_SIGNED' | 'INTAKE';

export interface VdabRegistrationRule {
  anchor: DeadlineAnchor;
  months: number;
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
 * The parameters of a version. Each carries its `source`: a seed passage, or 'public: ...' for a public fact about
 * the decree of 7 June 2013 as amended that the seeds do not state.
 */
export interface PolicyParameters {
  /** An obliged newcomer reports to an agency within this many months of the start of the obligation. */
  agencyRegistration: { months: number; source: string };
  mo: { requiredResult: 'PASS_MO' | 'PASS_STANDARDISED_MO_TEST'; source: string };
  nt2: {
    targetLevel: Nt2Level;
    targetLevelSource: string;
    /** 'NOT_SET': the sources leave the adjusted target for illiterate and low-literate learners open. */
    lowLiterateTargetLevel: Nt2Level | 'NOT_SET';
    lowLiterateTargetLevelSource: string;
  };
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
  months: 2,
  source:
    'seed 003 l.1203-1205: "uiterlijk 2 maanden na het ondertekenen van het inburgeringscontract ingeschreven" (l.41-42 counts from intake; the anchor is a parameter)',
};

const AGENCY_REGISTRATION_WITHIN_THREE_MONTHS: PolicyParameters['agencyRegistration'] = {
  months: 3,
  source:
    'public: an obliged newcomer reports to an agency within 3 months of the start of the obligation (registration in the national register); not stated in the seeds',
};

const FINE_50_TO_5000_EURO: PolicyParameters['fine'] = {
  minimumEuro: 50,
  maximumEuro: 5000,
  source:
    'public: administrative fine of 50 to 5,000 euro; seed 001 l.293-295: fined by the enforcement officers of the Agentschap Binnenlands Bestuur',
};

const STANDARDISED_MO_TEST: PolicyParameters['mo'] = {
  requiredResult: 'PASS_STANDARDISED_MO_TEST',
  source:
    'seed 003 l.1072-1077: "de gestandaardiseerde test Maatschappelijke Oriëntatie ontwikkelen" for the reform of 1 January 2022',
};

const NT2_A2: PolicyParameters['nt2'] = {
  targetLevel: 'A2',
  targetLevelSource:
    'seed 003 l.1109-1110: "op het einde van het inburgeringstraject het taalniveau A2 behalen"',
  lowLiterateTargetLevel: 'NOT_SET',
  lowLiterateTargetLevelSource:
    'seed 003 l.1110: "Voor analfabeten en laaggeletterden wordt dit verder bekeken" (left open; parameter)',
};

const TEST_FEE_FROM_2022: PolicyParameters['fee'] = {
  charged: true,
  amountEuro: null,
  source:
    'seed 003 l.1140-1143: "Voor deze taaltesten wordt een retributie ingevoerd ... met aanvang in 2022" (amount not in the seeds; parameter)',
};

const VDAB_ATTEST_CONDITION =
  'seed 003 l.1199-1207: VDAB registration for every newcomer of working age, except e.g. incapacity for work';

export const POLICY_VERSIONS: readonly ParameterisedPolicyVersion[] = [
  {
    id: '2016',
    effectiveFrom: calendarDate('2016-01-01'),
    summary: 'Result obligation: attest only after passing MO and NT2 (seed 004 l.135-137).',
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: {
        requiredResult: 'PASS_MO',
        source:
          'seed 004 l.135-137: "enkel nog uitgereikt worden aan inburgeraars die geslaagd zijn voor MO en NT2"',
      },
      nt2: {
        targetLevel: 'A1',
        targetLevelSource:
          'public: A1 under the 2016 result obligation; the seeds name no level for 2016 (seed 004 l.135-137 only "geslaagd voor ... NT2"); parameter',
        lowLiterateTargetLevel: 'NOT_SET',
        lowLiterateTargetLevelSource:
          'public: no adjusted target is known for 2016 and the seeds name none; parameter',
      },
      attest: {
        requiredPillars: ['MO', 'NT2'],
        requiredWhenApplicable: [],
        source: 'seed 004 l.135-137, l.913-914: attest only after passing MO and NT2',
      },
      fine: FINE_50_TO_5000_EURO,
      fee: {
        charged: false,
        amountEuro: null,
        source: 'seed 003 l.1140-1143: the test fee is introduced with the reform starting in 2022',
      },
    },
  },
  {
    id: '2022',
    effectiveFrom: calendarDate('2022-01-01'),
    summary:
      'Reformed trajectory: VDAB registration within two months of the contract, NT2 target A2, standardised MO test (seed 003 l.1072, l.1109-1143, l.1203-1205).',
    vdabRegistration: VDAB_WITHIN_TWO_MONTHS_OF_CONTRACT,
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: STANDARDISED_MO_TEST,
      nt2: NT2_A2,
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
      'Adds the 40-hour participation-and-network pillar (seed 002 l.203-222; public: from 1 January 2023).',
    vdabRegistration: VDAB_WITHIN_TWO_MONTHS_OF_CONTRACT,
    parameters: {
      agencyRegistration: AGENCY_REGISTRATION_WITHIN_THREE_MONTHS,
      mo: STANDARDISED_MO_TEST,
      nt2: NT2_A2,
      participation: {
        hours: 40,
        source:
          'seed 002 l.203-222: "een traject op maat aan van 40 uur" (buddy, introductory internship, volunteering); public: from 1 January 2023',
        optionalFor: ['WORKING', 'STUDYING', 'VOLUNTARY_TRAJECTORY'],
        optionalForSource:
          'seed 002 l.1147-1149: "optioneel voor wie werkt, studeert of vrijwillig een inburgeringstraject volgt"',
      },
      attest: {
        requiredPillars: ['MO', 'NT2'],
        requiredWhenApplicable: ['WORK', 'PARTICIPATION'],
        source: `public: from 2022 the attest also requires the VDAB and (from 2023) participation conditions where they apply; ${VDAB_ATTEST_CONDITION}; seed 002 l.1147-1149 (participation optional for some)`,
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
