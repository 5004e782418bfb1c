import { addMonths, CalendarDate } from '../time/calendar-date';
import { ageOn } from './age';
import { EXEMPTION_REASON_CODES, ExemptionReason } from './exemption-reasons';
import { TargetGroupDecision } from './target-group-decision';
import { PAST_DATE_FACTS, TARGET_GROUP_FACTS, TargetGroupFact, TargetGroupFacts } from './target-group-facts';
import {
  exemptionRule,
  TARGET_GROUP_LIMITS as LIMITS,
  TARGET_GROUP_RULES,
  targetGroupRule,
} from './target-group-rules';

/**
 * Derives a newcomer's target-group status on a reference date (usually the registration date).
 *
 * Order of precedence: the first group with a rule that applies decides.
 *   1. NOT_IN_TARGET_GROUP: under 18, living in Wallonia, Belgian not born abroad of a parent born abroad,
 *      applicant for international protection only (from 1 March 2022; before: while the application is at most
 *      four months old), no lawful stay of more than 3 months.
 *   2. ENTITLED in Brussels: there is no obligation there, so exemptions do not matter.
 *   3. EXEMPT, reasons in the order of Actieplan integratiebeleid l.969-976 (the first that applies is reported).
 *   4. OBLIGED: recognised refugee, subsidiary protection, minister of religion, moved in within five years from
 *      Brussels or Wallonia, newcomer on a first stay, Belgian living in Belgium at most a year.
 *   5. ENTITLED: in the target group and no obligation applies.
 * Within a group, a rule that cannot be evaluated does not block another rule of the same group that applies
 * (they lead to the same status). A group that cannot be evaluated blocks every later group: the decision is
 * then UNDETERMINED and lists the facts that are missing up to the group that would decide.
 */
export function deriveTargetGroup(facts: TargetGroupFacts, referenceDate: CalendarDate): TargetGroupDecision {
  assertNoDateAfter(facts, referenceDate);
  const context: Context = { facts, referenceDate };
  const missing = new Set<TargetGroupFact>();
  for (const group of PRECEDENCE) {
    const outcome = firstThatApplies(group, context);
    if ('decision' in outcome) {
      return missing.size === 0 ? outcome.decision : undetermined(missing, referenceDate);
    }
    outcome.missing.forEach((fact) => missing.add(fact));
  }
  return undetermined(missing, referenceDate);
}

interface Context {
  facts: TargetGroupFacts;
  referenceDate: CalendarDate;
}

/** A rule either applies (decision), does not apply (no missing facts), or lacks facts to tell. */
type Outcome = { decision: TargetGroupDecision } | { missing: readonly TargetGroupFact[] };
type Rule = (context: Context) => Outcome;

/** A fact derived from recorded facts, or the recorded facts it still needs. */
type Known<T> = { value: T } | { missing: readonly TargetGroupFact[] };

const DOES_NOT_APPLY: Outcome = { missing: [] };

function lacking(...facts: TargetGroupFact[]): { missing: readonly TargetGroupFact[] } {
  return { missing: facts };
}

function firstThatApplies(group: readonly Rule[], context: Context): Outcome {
  const missing: TargetGroupFact[] = [];
  for (const rule of group) {
    const outcome = rule(context);
    if ('decision' in outcome) return outcome;
    missing.push(...outcome.missing);
  }
  return { missing };
}

function undetermined(
  missing: ReadonlySet<TargetGroupFact>,
  referenceDate: CalendarDate,
): TargetGroupDecision {
  return {
    status: 'UNDETERMINED',
    referenceDate,
    rule: targetGroupRule('UNDETERMINED_MISSING_FACTS'),
    missingFacts: TARGET_GROUP_FACTS.filter((fact) => missing.has(fact)),
  };
}

/** The first dated fact after the reference date, which the derivation refuses; undefined when there is none. */
export function factDatedAfter(
  facts: TargetGroupFacts,
  referenceDate: CalendarDate,
): { fact: TargetGroupFact; date: CalendarDate } | undefined {
  for (const fact of PAST_DATE_FACTS) {
    const date = facts[fact];
    if (date !== undefined && date > referenceDate) return { fact, date };
  }
  return undefined;
}

function assertNoDateAfter(facts: TargetGroupFacts, referenceDate: CalendarDate): void {
  const after = factDatedAfter(facts, referenceDate);
  if (after) throw new RangeError(`${after.fact} ${after.date} is after the reference date ${referenceDate}`);
}

/** How the person stays in Belgium, as far as the target group is concerned. */
type StayBasis = 'BELGIAN' | 'RESIDENCE' | 'PROTECTION' | 'APPLICANT_ONLY';

function stayBasis({
  nationalityGroup,
  internationalProtection,
  otherResidenceBasis,
}: TargetGroupFacts): Known<StayBasis> {
  if (nationalityGroup === undefined) return lacking('nationalityGroup');
  if (nationalityGroup === 'BELGIAN') return { value: 'BELGIAN' };
  if (nationalityGroup === 'EU_EEA_SWISS') return { value: 'RESIDENCE' };
  switch (internationalProtection) {
    case undefined:
      return lacking('internationalProtection');
    case 'RECOGNISED_REFUGEE':
    case 'SUBSIDIARY_PROTECTION':
      return { value: 'PROTECTION' };
    case 'APPLICANT':
      if (otherResidenceBasis === undefined) return lacking('otherResidenceBasis');
      return { value: otherResidenceBasis ? 'RESIDENCE' : 'APPLICANT_ONLY' };
    case 'NONE':
      return { value: 'RESIDENCE' };
  }
}

/** The date the person came to live in Flanders: an obligation never starts before it. */
function settledInFlandersOn(facts: TargetGroupFacts): Known<CalendarDate> {
  const { previousResidenceOutsideFlanders, firstRegisteredInBelgiumOn, movedToFlandersOn } = facts;
  if (previousResidenceOutsideFlanders === undefined) return lacking('previousResidenceOutsideFlanders');
  const date = previousResidenceOutsideFlanders === 'NONE' ? firstRegisteredInBelgiumOn : movedToFlandersOn;
  if (date === undefined) {
    return lacking(
      previousResidenceOutsideFlanders === 'NONE' ? 'firstRegisteredInBelgiumOn' : 'movedToFlandersOn',
    );
  }
  return { value: date };
}

function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

function notInTargetGroup(id: keyof typeof TARGET_GROUP_RULES, referenceDate: CalendarDate): Outcome {
  return { decision: { status: 'NOT_IN_TARGET_GROUP', referenceDate, rule: targetGroupRule(id) } };
}

function entitled(id: keyof typeof TARGET_GROUP_RULES, referenceDate: CalendarDate): Outcome {
  return { decision: { status: 'ENTITLED', referenceDate, rule: targetGroupRule(id) } };
}

/** Obliged from `start`, or from settling in Flanders when that is later (or when there is no other start). */
function obliged(
  id: keyof typeof TARGET_GROUP_RULES,
  { facts, referenceDate }: Context,
  start?: CalendarDate,
): Outcome {
  const settled = settledInFlandersOn(facts);
  if ('missing' in settled) return settled;
  return {
    decision: {
      status: 'OBLIGED',
      referenceDate,
      rule: targetGroupRule(id),
      obligationStartsOn: start === undefined ? settled.value : laterOf(start, settled.value),
    },
  };
}

// 1. Not in the target group

const under18: Rule = ({ facts, referenceDate }) => {
  if (facts.birthDate === undefined) return lacking('birthDate');
  return ageOn(facts.birthDate, referenceDate) < LIMITS.minimumAge
    ? notInTargetGroup('NOT_IN_TARGET_GROUP_UNDER_18', referenceDate)
    : DOES_NOT_APPLY;
};

const livesOutsideFlandersAndBrussels: Rule = ({ facts, referenceDate }) => {
  if (facts.residenceRegion === undefined) return lacking('residenceRegion');
  return facts.residenceRegion === 'WALLONIA'
    ? notInTargetGroup('NOT_IN_TARGET_GROUP_LIVES_OUTSIDE_FLANDERS_AND_BRUSSELS', referenceDate)
    : DOES_NOT_APPLY;
};

const belgianNotBornAbroad: Rule = ({ facts, referenceDate }) => {
  const basis = stayBasis(facts);
  if ('missing' in basis) return basis;
  if (basis.value !== 'BELGIAN') return DOES_NOT_APPLY;
  if (facts.bornAbroadWithParentBornAbroad === undefined) return lacking('bornAbroadWithParentBornAbroad');
  return facts.bornAbroadWithParentBornAbroad
    ? DOES_NOT_APPLY
    : notInTargetGroup('NOT_IN_TARGET_GROUP_BELGIAN_NOT_BORN_ABROAD', referenceDate);
};

const internationalProtectionApplicantOnly: Rule = ({ facts, referenceDate }) => {
  const basis = stayBasis(facts);
  if ('missing' in basis) return basis;
  if (basis.value !== 'APPLICANT_ONLY') return DOES_NOT_APPLY;
  if (referenceDate >= LIMITS.applicantsExcludedFrom) {
    return notInTargetGroup('NOT_IN_TARGET_GROUP_INTERNATIONAL_PROTECTION_APPLICANT_ONLY', referenceDate);
  }
  if (facts.internationalProtectionAppliedOn === undefined)
    return lacking('internationalProtectionAppliedOn');
  const overFourMonths =
    referenceDate > addMonths(facts.internationalProtectionAppliedOn, LIMITS.asylumApplicationMonths);
  return overFourMonths
    ? DOES_NOT_APPLY
    : notInTargetGroup('NOT_IN_TARGET_GROUP_ASYLUM_APPLICATION_NOT_OVER_FOUR_MONTHS', referenceDate);
};

const noLawfulStayOverThreeMonths: Rule = ({ facts, referenceDate }) => {
  const basis = stayBasis(facts);
  if ('missing' in basis) return basis;
  if (basis.value !== 'RESIDENCE') return DOES_NOT_APPLY;
  if (facts.lawfulStay === false || facts.staysMoreThanThreeMonths === false) {
    return notInTargetGroup('NOT_IN_TARGET_GROUP_NO_LAWFUL_STAY_OVER_THREE_MONTHS', referenceDate);
  }
  const unknown = (['lawfulStay', 'staysMoreThanThreeMonths'] as const).filter(
    (fact) => facts[fact] === undefined,
  );
  return lacking(...unknown);
};

// 2. Brussels

const livesInBrussels: Rule = ({ facts, referenceDate }) => {
  if (facts.residenceRegion === undefined) return lacking('residenceRegion');
  return facts.residenceRegion === 'BRUSSELS'
    ? entitled('ENTITLED_BRUSSELS_NO_OBLIGATION', referenceDate)
    : DOES_NOT_APPLY;
};

// 3. Exempt

/** Whether an exemption reason applies; THIRD_COUNTRY-only reasons do not apply to others. */
const EXEMPTION_APPLIES: Record<
  ExemptionReason,
  (facts: TargetGroupFacts, referenceDate: CalendarDate) => Known<boolean>
> = {
  EU_EEA_SWISS_NATIONAL: ({ nationalityGroup }) =>
    nationalityGroup === undefined
      ? lacking('nationalityGroup')
      : { value: nationalityGroup === 'EU_EEA_SWISS' },
  FAMILY_MEMBER_OF_EU_EEA_SWISS_NATIONAL: (facts) =>
    thirdCountryOnly(facts, 'familyMemberOfEuEeaSwissNational'),
  HOLDS_ATTEST: (facts) => recorded(facts, 'holdsAttest'),
  TEMPORARY_LABOUR_MIGRANT: (facts) => thirdCountryOnly(facts, 'temporaryLabourMigrantTowardsPermanentStay'),
  AGED_65_OR_OLDER: ({ birthDate }, referenceDate) =>
    birthDate === undefined
      ? lacking('birthDate')
      : { value: ageOn(birthDate, referenceDate) >= LIMITS.exemptionAge },
  SERIOUS_ILLNESS_OR_DISABILITY: (facts) => recorded(facts, 'medicalCertificateOfSeriousIllnessOrDisability'),
  BELGIAN_OR_DUTCH_DIPLOMA: ({ belgianOrDutchDiploma }) =>
    belgianOrDutchDiploma === undefined
      ? lacking('belgianOrDutchDiploma')
      : { value: belgianOrDutchDiploma !== 'NONE' },
  RECEPTION_EDUCATION_SCHOOL_YEAR: (facts) => recorded(facts, 'fullSchoolYearOfReceptionEducation'),
};

type BooleanFact = {
  [K in TargetGroupFact]-?: TargetGroupFacts[K] extends boolean | undefined ? K : never;
}[TargetGroupFact];

function recorded(facts: TargetGroupFacts, fact: BooleanFact): Known<boolean> {
  const value = facts[fact];
  return value === undefined ? lacking(fact) : { value };
}

function thirdCountryOnly(facts: TargetGroupFacts, fact: BooleanFact): Known<boolean> {
  if (facts.nationalityGroup === undefined) return lacking('nationalityGroup');
  return facts.nationalityGroup === 'THIRD_COUNTRY' ? recorded(facts, fact) : { value: false };
}

const exemptions: readonly Rule[] = EXEMPTION_REASON_CODES.map(
  (reason): Rule =>
    ({ facts, referenceDate }) => {
      const applies = EXEMPTION_APPLIES[reason](facts, referenceDate);
      if ('missing' in applies) return applies;
      return applies.value
        ? {
            decision: {
              status: 'EXEMPT',
              referenceDate,
              rule: exemptionRule(reason),
              exemptionReason: reason,
            },
          }
        : DOES_NOT_APPLY;
    },
);

// 4. Obliged

function protectedPerson(
  protection: 'RECOGNISED_REFUGEE' | 'SUBSIDIARY_PROTECTION',
  id: 'OBLIGED_RECOGNISED_REFUGEE' | 'OBLIGED_SUBSIDIARY_PROTECTION',
): Rule {
  return (context) => {
    const { facts } = context;
    if (facts.nationalityGroup === undefined) return lacking('nationalityGroup');
    if (facts.nationalityGroup !== 'THIRD_COUNTRY') return DOES_NOT_APPLY;
    if (facts.internationalProtection === undefined) return lacking('internationalProtection');
    if (facts.internationalProtection !== protection) return DOES_NOT_APPLY;
    if (facts.internationalProtectionGrantedOn === undefined)
      return lacking('internationalProtectionGrantedOn');
    return obliged(id, context, facts.internationalProtectionGrantedOn);
  };
}

const ministerOfRecognisedReligion: Rule = (context) => {
  const { ministerOfRecognisedReligion: minister } = context.facts;
  if (minister === undefined) return lacking('ministerOfRecognisedReligion');
  return minister ? obliged('OBLIGED_MINISTER_OF_RECOGNISED_RELIGION', context) : DOES_NOT_APPLY;
};

const movedInWithinFiveYears: Rule = (context) => {
  const { previousResidenceOutsideFlanders, firstRegisteredInBelgiumOn, movedToFlandersOn } = context.facts;
  const basis = stayBasis(context.facts);
  if ('missing' in basis) return basis;
  // An applicant only would not be obliged had they settled in Flanders first either (Actieplan integratiebeleid l.965-966).
  if (basis.value === 'APPLICANT_ONLY') return DOES_NOT_APPLY;
  if (previousResidenceOutsideFlanders === undefined) return lacking('previousResidenceOutsideFlanders');
  if (previousResidenceOutsideFlanders === 'NONE') return DOES_NOT_APPLY;
  if (firstRegisteredInBelgiumOn === undefined || movedToFlandersOn === undefined) {
    return lacking(
      ...(['firstRegisteredInBelgiumOn', 'movedToFlandersOn'] as const).filter(
        (fact) => context.facts[fact] === undefined,
      ),
    );
  }
  return movedToFlandersOn <= addMonths(firstRegisteredInBelgiumOn, LIMITS.fiveYearRuleMonths)
    ? obliged('OBLIGED_MOVED_IN_WITHIN_FIVE_YEARS', context)
    : DOES_NOT_APPLY;
};

const newcomerOnFirstStay: Rule = (context) => {
  const basis = stayBasis(context.facts);
  if ('missing' in basis) return basis;
  if (basis.value !== 'RESIDENCE') return DOES_NOT_APPLY;
  const { previousResidenceOutsideFlanders } = context.facts;
  if (previousResidenceOutsideFlanders === undefined) return lacking('previousResidenceOutsideFlanders');
  // Someone who settled in Brussels or Wallonia first is obliged only under the five-year rule.
  if (previousResidenceOutsideFlanders !== 'NONE') return DOES_NOT_APPLY;
  return obliged('OBLIGED_NEWCOMER_FIRST_STAY', context);
};

const belgianAtMostOneYear: Rule = (context) => {
  const basis = stayBasis(context.facts);
  if ('missing' in basis) return basis;
  if (basis.value !== 'BELGIAN') return DOES_NOT_APPLY;
  const { firstRegisteredInBelgiumOn } = context.facts;
  if (firstRegisteredInBelgiumOn === undefined) return lacking('firstRegisteredInBelgiumOn');
  return context.referenceDate <= addMonths(firstRegisteredInBelgiumOn, LIMITS.belgianObligedForMonths)
    ? obliged('OBLIGED_BELGIAN_AT_MOST_ONE_YEAR', context)
    : DOES_NOT_APPLY;
};

// 5. Entitled

const inTargetGroup: Rule = ({ facts, referenceDate }) => {
  const basis = stayBasis(facts);
  if ('missing' in basis) return basis;
  switch (basis.value) {
    case 'BELGIAN':
      return entitled('ENTITLED_BELGIAN_BORN_ABROAD', referenceDate);
    case 'APPLICANT_ONLY':
      return entitled('ENTITLED_ASYLUM_APPLICANT_OVER_FOUR_MONTHS', referenceDate);
    default:
      return entitled('ENTITLED_FOREIGN_NATIONAL_SETTLING', referenceDate);
  }
};

const PRECEDENCE: readonly (readonly Rule[])[] = [
  [
    under18,
    livesOutsideFlandersAndBrussels,
    belgianNotBornAbroad,
    internationalProtectionApplicantOnly,
    noLawfulStayOverThreeMonths,
  ],
  [livesInBrussels],
  exemptions,
  [
    protectedPerson('RECOGNISED_REFUGEE', 'OBLIGED_RECOGNISED_REFUGEE'),
    protectedPerson('SUBSIDIARY_PROTECTION', 'OBLIGED_SUBSIDIARY_PROTECTION'),
    ministerOfRecognisedReligion,
    movedInWithinFiveYears,
    newcomerOnFirstStay,
    belgianAtMostOneYear,
  ],
  [inTargetGroup],
];
