import { CITATION } from '../policy/sources';
import { calendarDate } from '../time/calendar-date';
import { thirdCountryNewcomerFacts } from '../trajectory/trajectory.fixtures';
import { deriveTargetGroup } from './derive-target-group';
import { EXEMPTION_REASON_CODES, EXEMPTION_REASONS } from './exemption-reasons';
import { TargetGroupDecision } from './target-group-decision';
import { TargetGroupFacts } from './target-group-facts';
import { TARGET_GROUP_RULES } from './target-group-rules';
import { recordTargetGroupOverride } from './target-group-override';

const d = calendarDate;
const REFERENCE = d('2026-06-15');

/** Every fact recorded: a third-country national who settled in Flanders on 1 April 2026, nothing exempting. */
const NEWCOMER: TargetGroupFacts = { birthDate: d('1990-05-01'), ...thirdCountryNewcomerFacts('2026-04-01') };

const BELGIAN_BORN_ABROAD: TargetGroupFacts = {
  ...NEWCOMER,
  nationalityGroup: 'BELGIAN',
  bornAbroadWithParentBornAbroad: true,
  familyMemberOfEuEeaSwissNational: undefined,
  internationalProtection: undefined,
  temporaryLabourMigrantTowardsPermanentStay: undefined,
};

const APPLICANT: TargetGroupFacts = {
  ...NEWCOMER,
  internationalProtection: 'APPLICANT',
  otherResidenceBasis: false,
  lawfulStay: undefined,
  staysMoreThanThreeMonths: undefined,
  firstRegisteredInBelgiumOn: d('2021-09-01'),
  internationalProtectionAppliedOn: d('2021-09-01'),
};

const MOVED_FROM_BRUSSELS: TargetGroupFacts = {
  ...NEWCOMER,
  previousResidenceOutsideFlanders: 'BRUSSELS',
  firstRegisteredInBelgiumOn: d('2021-06-01'),
};

function without(facts: TargetGroupFacts, ...names: (keyof TargetGroupFacts)[]): TargetGroupFacts {
  const copy = { ...facts };
  names.forEach((name) => delete copy[name]);
  return copy;
}

/** The decision without its reference date, its rule reduced to the rule id. */
function summary(decision: TargetGroupDecision): Record<string, unknown> {
  const { referenceDate: _referenceDate, rule, ...rest } = decision;
  return { ...rest, rule: rule.id };
}

type Row = [string, TargetGroupFacts, string, Record<string, unknown>];

const obliged = (rule: string, obligationStartsOn: string) => ({
  status: 'OBLIGED',
  rule,
  obligationStartsOn,
});
const entitled = (rule: string) => ({ status: 'ENTITLED', rule });
const exempt = (exemptionReason: string) => ({
  status: 'EXEMPT',
  rule: `EXEMPT_${exemptionReason}`,
  exemptionReason,
});
const outside = (rule: string) => ({ status: 'NOT_IN_TARGET_GROUP', rule });
const undetermined = (...missingFacts: string[]) => ({
  status: 'UNDETERMINED',
  rule: 'UNDETERMINED_MISSING_FACTS',
  missingFacts,
});

const ROWS: Row[] = [
  // Obliged (Actieplan integratiebeleid l.959-967)
  [
    'third-country newcomer on a first stay',
    NEWCOMER,
    '2026-06-15',
    obliged('OBLIGED_NEWCOMER_FIRST_STAY', '2026-04-01'),
  ],
  [
    'recognised refugee: obliged from recognition',
    {
      ...NEWCOMER,
      internationalProtection: 'RECOGNISED_REFUGEE',
      internationalProtectionGrantedOn: d('2026-05-10'),
      firstRegisteredInBelgiumOn: d('2025-01-10'),
    },
    '2026-06-15',
    obliged('OBLIGED_RECOGNISED_REFUGEE', '2026-05-10'),
  ],
  [
    'refugee recognised in Brussels: obliged from the move to Flanders',
    {
      ...MOVED_FROM_BRUSSELS,
      firstRegisteredInBelgiumOn: d('2014-01-01'),
      internationalProtection: 'RECOGNISED_REFUGEE',
      internationalProtectionGrantedOn: d('2025-03-01'),
      movedToFlandersOn: d('2026-02-01'),
    },
    '2026-06-15',
    obliged('OBLIGED_RECOGNISED_REFUGEE', '2026-02-01'),
  ],
  [
    'subsidiary protection: obliged from the grant',
    {
      ...NEWCOMER,
      internationalProtection: 'SUBSIDIARY_PROTECTION',
      internationalProtectionGrantedOn: d('2026-05-20'),
      firstRegisteredInBelgiumOn: d('2025-11-01'),
    },
    '2026-06-15',
    obliged('OBLIGED_SUBSIDIARY_PROTECTION', '2026-05-20'),
  ],
  [
    'minister of a recognised religion, ten years in Brussels before',
    {
      ...MOVED_FROM_BRUSSELS,
      firstRegisteredInBelgiumOn: d('2016-01-01'),
      movedToFlandersOn: d('2026-03-01'),
      ministerOfRecognisedReligion: true,
    },
    '2026-06-15',
    obliged('OBLIGED_MINISTER_OF_RECOGNISED_RELIGION', '2026-03-01'),
  ],
  [
    'Belgian born abroad, in Belgium for 9 months',
    { ...BELGIAN_BORN_ABROAD, firstRegisteredInBelgiumOn: d('2025-09-15') },
    '2026-06-15',
    obliged('OBLIGED_BELGIAN_AT_MOST_ONE_YEAR', '2025-09-15'),
  ],
  [
    'Belgian born abroad, in Belgium exactly one year',
    { ...BELGIAN_BORN_ABROAD, firstRegisteredInBelgiumOn: d('2025-06-15') },
    '2026-06-15',
    obliged('OBLIGED_BELGIAN_AT_MOST_ONE_YEAR', '2025-06-15'),
  ],
  [
    'Belgian born abroad, in Belgium one year and a day',
    { ...BELGIAN_BORN_ABROAD, firstRegisteredInBelgiumOn: d('2025-06-14') },
    '2026-06-15',
    entitled('ENTITLED_BELGIAN_BORN_ABROAD'),
  ],
  [
    'Belgian not born abroad of a parent born abroad',
    { ...BELGIAN_BORN_ABROAD, bornAbroadWithParentBornAbroad: false },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_BELGIAN_NOT_BORN_ABROAD'),
  ],

  // Five-year rule (Beleidsbrief 2015-2016 l.1031-1038), settled in Brussels on 2021-06-01
  [
    'moved from Brussels after 4 years 11 months',
    { ...MOVED_FROM_BRUSSELS, movedToFlandersOn: d('2026-05-01') },
    '2026-06-15',
    obliged('OBLIGED_MOVED_IN_WITHIN_FIVE_YEARS', '2026-05-01'),
  ],
  [
    'moved from Brussels exactly 5 years after settling',
    { ...MOVED_FROM_BRUSSELS, movedToFlandersOn: d('2026-06-01') },
    '2026-06-15',
    obliged('OBLIGED_MOVED_IN_WITHIN_FIVE_YEARS', '2026-06-01'),
  ],
  [
    'moved from Brussels 5 years and 1 day after settling',
    { ...MOVED_FROM_BRUSSELS, movedToFlandersOn: d('2026-06-02') },
    '2026-06-15',
    entitled('ENTITLED_FOREIGN_NATIONAL_SETTLING'),
  ],
  [
    'moved from Wallonia after 4 years 11 months',
    {
      ...MOVED_FROM_BRUSSELS,
      previousResidenceOutsideFlanders: 'WALLONIA',
      movedToFlandersOn: d('2026-05-01'),
    },
    '2026-06-15',
    obliged('OBLIGED_MOVED_IN_WITHIN_FIVE_YEARS', '2026-05-01'),
  ],
  [
    'moved from Wallonia 5 years and 1 day after settling',
    {
      ...MOVED_FROM_BRUSSELS,
      previousResidenceOutsideFlanders: 'WALLONIA',
      movedToFlandersOn: d('2026-06-02'),
    },
    '2026-06-15',
    entitled('ENTITLED_FOREIGN_NATIONAL_SETTLING'),
  ],

  // Brussels (Actieplan integratiebeleid l.976-977, Beleidsbrief 2015-2016 l.735) and Wallonia
  [
    'newcomer in Brussels: voluntary',
    { ...NEWCOMER, residenceRegion: 'BRUSSELS' },
    '2026-06-15',
    entitled('ENTITLED_BRUSSELS_NO_OBLIGATION'),
  ],
  [
    'recognised refugee in Brussels: voluntary',
    {
      ...NEWCOMER,
      residenceRegion: 'BRUSSELS',
      internationalProtection: 'RECOGNISED_REFUGEE',
      internationalProtectionGrantedOn: d('2026-05-10'),
    },
    '2026-06-15',
    entitled('ENTITLED_BRUSSELS_NO_OBLIGATION'),
  ],
  [
    '70-year-old in Brussels: voluntary, exemptions do not matter there',
    { ...NEWCOMER, residenceRegion: 'BRUSSELS', birthDate: d('1956-01-01') },
    '2026-06-15',
    entitled('ENTITLED_BRUSSELS_NO_OBLIGATION'),
  ],
  [
    'Brussels with no exemption facts recorded',
    without(
      { ...NEWCOMER, residenceRegion: 'BRUSSELS' },
      'holdsAttest',
      'belgianOrDutchDiploma',
      'ministerOfRecognisedReligion',
    ),
    '2026-06-15',
    entitled('ENTITLED_BRUSSELS_NO_OBLIGATION'),
  ],
  [
    'living in Wallonia',
    { ...NEWCOMER, residenceRegion: 'WALLONIA' },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_LIVES_OUTSIDE_FLANDERS_AND_BRUSSELS'),
  ],

  // Age on the reference date
  [
    '17, turning 18 the next day',
    { ...NEWCOMER, birthDate: d('2008-06-16') },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_UNDER_18'),
  ],
  [
    '18 on the reference date itself',
    { ...NEWCOMER, birthDate: d('2008-06-15') },
    '2026-06-15',
    obliged('OBLIGED_NEWCOMER_FIRST_STAY', '2026-04-01'),
  ],
  [
    'born 29 February: still 17 on 28 February of a common year',
    { ...NEWCOMER, birthDate: d('2008-02-29'), firstRegisteredInBelgiumOn: d('2026-01-10') },
    '2026-02-28',
    outside('NOT_IN_TARGET_GROUP_UNDER_18'),
  ],
  [
    'born 29 February: 18 on 1 March of a common year',
    { ...NEWCOMER, birthDate: d('2008-02-29'), firstRegisteredInBelgiumOn: d('2026-01-10') },
    '2026-03-01',
    obliged('OBLIGED_NEWCOMER_FIRST_STAY', '2026-01-10'),
  ],
  [
    '64, turning 65 the next day',
    { ...NEWCOMER, birthDate: d('1961-06-16') },
    '2026-06-15',
    obliged('OBLIGED_NEWCOMER_FIRST_STAY', '2026-04-01'),
  ],
  [
    '65 on the reference date itself',
    { ...NEWCOMER, birthDate: d('1961-06-15') },
    '2026-06-15',
    exempt('AGED_65_OR_OLDER'),
  ],
  [
    'under 18 decides even when every other fact is missing',
    { birthDate: d('2010-01-01') },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_UNDER_18'),
  ],

  // Exemption reasons (Actieplan integratiebeleid l.969-976)
  [
    'EU/EEA/Swiss national (protection status not needed)',
    without({ ...NEWCOMER, nationalityGroup: 'EU_EEA_SWISS' }, 'internationalProtection'),
    '2026-06-15',
    exempt('EU_EEA_SWISS_NATIONAL'),
  ],
  [
    'family member of an EU/EEA/Swiss national',
    { ...NEWCOMER, familyMemberOfEuEeaSwissNational: true },
    '2026-06-15',
    exempt('FAMILY_MEMBER_OF_EU_EEA_SWISS_NATIONAL'),
  ],
  ['holds an attest', { ...NEWCOMER, holdsAttest: true }, '2026-06-15', exempt('HOLDS_ATTEST')],
  [
    'temporary labour migrant',
    { ...NEWCOMER, temporaryLabourMigrantTowardsPermanentStay: true },
    '2026-06-15',
    exempt('TEMPORARY_LABOUR_MIGRANT'),
  ],
  ['70 years old', { ...NEWCOMER, birthDate: d('1956-01-01') }, '2026-06-15', exempt('AGED_65_OR_OLDER')],
  [
    'serious illness or disability with a medical certificate',
    { ...NEWCOMER, medicalCertificateOfSeriousIllnessOrDisability: true },
    '2026-06-15',
    exempt('SERIOUS_ILLNESS_OR_DISABILITY'),
  ],
  [
    'Belgian or Dutch secondary diploma',
    { ...NEWCOMER, belgianOrDutchDiploma: 'SECONDARY' },
    '2026-06-15',
    exempt('BELGIAN_OR_DUTCH_DIPLOMA'),
  ],
  [
    'Belgian or Dutch higher-education diploma',
    { ...NEWCOMER, belgianOrDutchDiploma: 'HIGHER' },
    '2026-06-15',
    exempt('BELGIAN_OR_DUTCH_DIPLOMA'),
  ],
  [
    'a full school year of reception education',
    { ...NEWCOMER, fullSchoolYearOfReceptionEducation: true },
    '2026-06-15',
    exempt('RECEPTION_EDUCATION_SCHOOL_YEAR'),
  ],
  [
    'several reasons: the first in seed order is reported',
    { ...NEWCOMER, nationalityGroup: 'EU_EEA_SWISS', birthDate: d('1950-01-01'), holdsAttest: true },
    '2026-06-15',
    exempt('EU_EEA_SWISS_NATIONAL'),
  ],
  [
    'exemption before obligation: recognised refugee with a diploma',
    {
      ...NEWCOMER,
      internationalProtection: 'RECOGNISED_REFUGEE',
      internationalProtectionGrantedOn: d('2026-05-10'),
      belgianOrDutchDiploma: 'HIGHER',
    },
    '2026-06-15',
    exempt('BELGIAN_OR_DUTCH_DIPLOMA'),
  ],
  [
    'Belgian born abroad with a Dutch diploma',
    { ...BELGIAN_BORN_ABROAD, belgianOrDutchDiploma: 'SECONDARY' },
    '2026-06-15',
    exempt('BELGIAN_OR_DUTCH_DIPLOMA'),
  ],
  [
    'an applying exemption decides although another exemption fact is missing',
    without({ ...NEWCOMER, birthDate: d('1950-01-01') }, 'holdsAttest'),
    '2026-06-15',
    exempt('AGED_65_OR_OLDER'),
  ],

  // Applicants for international protection
  [
    'applicant only, after 1 March 2022',
    APPLICANT,
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_INTERNATIONAL_PROTECTION_APPLICANT_ONLY'),
  ],
  [
    'applicant only, on 1 March 2022',
    APPLICANT,
    '2022-03-01',
    outside('NOT_IN_TARGET_GROUP_INTERNATIONAL_PROTECTION_APPLICANT_ONLY'),
  ],
  [
    'applicant only, on 28 February 2022, applied more than four months before',
    APPLICANT,
    '2022-02-28',
    entitled('ENTITLED_ASYLUM_APPLICANT_OVER_FOUR_MONTHS'),
  ],
  [
    'applicant only, on 28 February 2022, applied exactly four months before',
    { ...APPLICANT, internationalProtectionAppliedOn: d('2021-10-28') },
    '2022-02-28',
    outside('NOT_IN_TARGET_GROUP_ASYLUM_APPLICATION_NOT_OVER_FOUR_MONTHS'),
  ],
  [
    'applicant only before 2022 is not caught by the five-year rule',
    { ...APPLICANT, previousResidenceOutsideFlanders: 'BRUSSELS', movedToFlandersOn: d('2022-01-10') },
    '2022-02-28',
    entitled('ENTITLED_ASYLUM_APPLICANT_OVER_FOUR_MONTHS'),
  ],
  [
    'applicant with another residence basis',
    { ...APPLICANT, otherResidenceBasis: true, lawfulStay: true, staysMoreThanThreeMonths: true },
    '2026-06-15',
    obliged('OBLIGED_NEWCOMER_FIRST_STAY', '2021-09-01'),
  ],

  // Stay
  [
    'staying 3 months or less',
    { ...NEWCOMER, staysMoreThanThreeMonths: false },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_NO_LAWFUL_STAY_OVER_THREE_MONTHS'),
  ],
  [
    'no lawful stay',
    { ...NEWCOMER, lawfulStay: false },
    '2026-06-15',
    outside('NOT_IN_TARGET_GROUP_NO_LAWFUL_STAY_OVER_THREE_MONTHS'),
  ],

  // Missing facts
  [
    'nothing recorded',
    {},
    '2026-06-15',
    undetermined(
      'birthDate',
      'nationalityGroup',
      'residenceRegion',
      'ministerOfRecognisedReligion',
      'holdsAttest',
      'medicalCertificateOfSeriousIllnessOrDisability',
      'belgianOrDutchDiploma',
      'fullSchoolYearOfReceptionEducation',
    ),
  ],
  ['birth date missing', without(NEWCOMER, 'birthDate'), '2026-06-15', undetermined('birthDate')],
  [
    'nationality missing',
    without(NEWCOMER, 'nationalityGroup'),
    '2026-06-15',
    undetermined('nationalityGroup'),
  ],
  ['region missing', without(NEWCOMER, 'residenceRegion'), '2026-06-15', undetermined('residenceRegion')],
  ['an exemption fact missing', without(NEWCOMER, 'holdsAttest'), '2026-06-15', undetermined('holdsAttest')],
  [
    'lawful stay and length of stay missing',
    without(NEWCOMER, 'lawfulStay', 'staysMoreThanThreeMonths'),
    '2026-06-15',
    undetermined('staysMoreThanThreeMonths', 'lawfulStay'),
  ],
  [
    'Belgian: foreign birth unknown',
    without(BELGIAN_BORN_ABROAD, 'bornAbroadWithParentBornAbroad'),
    '2026-06-15',
    undetermined('bornAbroadWithParentBornAbroad'),
  ],
  [
    'refugee without recognition date',
    { ...NEWCOMER, internationalProtection: 'RECOGNISED_REFUGEE' },
    '2026-06-15',
    undetermined('internationalProtectionGrantedOn'),
  ],
  [
    'applicant: other residence basis unknown',
    without(APPLICANT, 'otherResidenceBasis'),
    '2026-06-15',
    undetermined('otherResidenceBasis'),
  ],
  [
    'applicant before 2022: application date unknown',
    without(APPLICANT, 'internationalProtectionAppliedOn'),
    '2022-02-28',
    undetermined('internationalProtectionAppliedOn'),
  ],
  [
    'previous residence unknown',
    without(NEWCOMER, 'previousResidenceOutsideFlanders'),
    '2026-06-15',
    undetermined('previousResidenceOutsideFlanders'),
  ],
  [
    'moved from Brussels: move date unknown',
    MOVED_FROM_BRUSSELS,
    '2026-06-15',
    undetermined('movedToFlandersOn'),
  ],
  [
    'first registration unknown',
    without(NEWCOMER, 'firstRegisteredInBelgiumOn'),
    '2026-06-15',
    undetermined('firstRegisteredInBelgiumOn'),
  ],
];

describe('deriveTargetGroup', () => {
  it.each(ROWS)('%s', (_title, facts, referenceDate, expected) => {
    expect(summary(deriveTargetGroup(facts, d(referenceDate)))).toEqual(expected);
  });

  it('keeps the reference date and the source of the deciding rule', () => {
    expect(deriveTargetGroup(NEWCOMER, REFERENCE)).toEqual({
      status: 'OBLIGED',
      referenceDate: '2026-06-15',
      obligationStartsOn: '2026-04-01',
      rule: {
        id: 'OBLIGED_NEWCOMER_FIRST_STAY',
        source:
          'Actieplan integratiebeleid l.959-964: foreign nationals staying in Belgium for more than 3 months for the first time',
      },
    });
    expect(deriveTargetGroup({ ...NEWCOMER, holdsAttest: true }, REFERENCE).rule).toEqual({
      id: 'EXEMPT_HOLDS_ATTEST',
      source: 'Actieplan integratiebeleid l.971: "inburgeraars die al een inburgeringsattest hebben gehaald"',
    });
  });

  it.each([
    ['birthDate', '2026-06-16'],
    ['firstRegisteredInBelgiumOn', '2026-07-01'],
    ['movedToFlandersOn', '2027-01-01'],
    ['internationalProtectionAppliedOn', '2026-06-16'],
    ['internationalProtectionGrantedOn', '2026-06-16'],
  ])('refuses %s after the reference date', (fact, date) => {
    expect(() => deriveTargetGroup({ ...NEWCOMER, [fact]: d(date) }, REFERENCE)).toThrow(
      new RangeError(`${fact} ${date} is after the reference date 2026-06-15`),
    );
  });

  it('every exemption reason is reachable', () => {
    const reached = new Set(
      ROWS.map(([, facts, referenceDate]) => deriveTargetGroup(facts, d(referenceDate)))
        .filter((decision) => decision.status === 'EXEMPT')
        .map((decision) => (decision.status === 'EXEMPT' ? decision.exemptionReason : undefined)),
    );
    expect([...reached].sort()).toEqual([...EXEMPTION_REASON_CODES].sort());
  });

  it('every rule and exemption reason cites a source passage or a public fact', () => {
    for (const source of [...Object.values(TARGET_GROUP_RULES), ...Object.values(EXEMPTION_REASONS)]) {
      expect(source).toMatch(CITATION);
    }
  });
});

describe('recordTargetGroupOverride', () => {
  const derived = deriveTargetGroup(NEWCOMER, REFERENCE);

  it('keeps both the derived and the recorded status, with the reason', () => {
    const override = recordTargetGroupOverride(
      derived,
      { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
      '  Medical certificate received after intake.  ',
    );
    expect(override).toEqual({
      derived,
      recorded: { status: 'EXEMPT', exemptionReason: 'SERIOUS_ILLNESS_OR_DISABILITY' },
      reason: 'Medical certificate received after intake.',
    });
    expect(override.derived.status).toBe('OBLIGED');
  });

  it('records a status for an UNDETERMINED decision', () => {
    const undeterminedDecision = deriveTargetGroup(without(NEWCOMER, 'birthDate'), REFERENCE);
    expect(
      recordTargetGroupOverride(
        undeterminedDecision,
        { status: 'OBLIGED', obligationStartsOn: d('2026-04-01') },
        'Birth date on passport; register not yet updated.',
      ).recorded,
    ).toEqual({ status: 'OBLIGED', obligationStartsOn: '2026-04-01' });
  });

  it('records another obligation start date', () => {
    expect(
      recordTargetGroupOverride(
        derived,
        { status: 'OBLIGED', obligationStartsOn: d('2026-04-20') },
        'Registered in the municipality on 20 April.',
      ).recorded,
    ).toEqual({ status: 'OBLIGED', obligationStartsOn: '2026-04-20' });
  });

  it.each([[''], ['   '], ['\n\t']])('refuses a blank reason %p', (reason) => {
    expect(() => recordTargetGroupOverride(derived, { status: 'ENTITLED' }, reason)).toThrow(
      new RangeError('overriding the derived target-group status requires a reason'),
    );
  });

  it.each([
    [derived, { status: 'OBLIGED', obligationStartsOn: d('2026-04-01') }, 'OBLIGED from 2026-04-01'],
    [
      deriveTargetGroup({ ...NEWCOMER, holdsAttest: true }, REFERENCE),
      { status: 'EXEMPT', exemptionReason: 'HOLDS_ATTEST' },
      'EXEMPT (HOLDS_ATTEST)',
    ],
    [
      deriveTargetGroup({ ...NEWCOMER, residenceRegion: 'BRUSSELS' }, REFERENCE),
      { status: 'ENTITLED' },
      'ENTITLED',
    ],
  ] as const)('refuses to record the derived status itself (%#)', (decision, recorded, described) => {
    expect(() => recordTargetGroupOverride(decision, recorded, 'same')).toThrow(
      new RangeError(`the derived target-group status is already ${described}`),
    );
  });

  it('accepts another exemption reason than the derived one', () => {
    const exemptDecision = deriveTargetGroup({ ...NEWCOMER, holdsAttest: true }, REFERENCE);
    expect(
      recordTargetGroupOverride(
        exemptDecision,
        { status: 'EXEMPT', exemptionReason: 'BELGIAN_OR_DUTCH_DIPLOMA' },
        'Diploma recognised.',
      ).recorded,
    ).toEqual({ status: 'EXEMPT', exemptionReason: 'BELGIAN_OR_DUTCH_DIPLOMA' });
  });
});
