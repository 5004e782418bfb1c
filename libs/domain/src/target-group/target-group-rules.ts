import { calendarDate } from '../time/calendar-date';
import { EXEMPTION_REASONS, ExemptionReason } from './exemption-reasons';

/** The numbers and dates of the target-group rules, each with its source. */
export const TARGET_GROUP_LIMITS = {
  /** Actieplan integratiebeleid l.952: "vreemdelingen van 18 jaar en ouder". */
  minimumAge: 18,
  /** Actieplan integratiebeleid l.973. */
  exemptionAge: 65,
  /** Actieplan integratiebeleid l.964-965: "Belgen die hoogstens een jaar in België wonen" (the anniversary itself still counts). */
  belgianObligedForMonths: 12,
  /** Beleidsbrief 2015-2016 l.1031-1038: "binnen de vijf jaar na vestiging in Brussel en Wallonië" (the anniversary itself still counts). */
  fiveYearRuleMonths: 60,
  /** Actieplan integratiebeleid l.955-956: asylum applicants whose application is more than four months old (before 1 March 2022). */
  asylumApplicationMonths: 4,
  /** public: from 1 March 2022 applicants for international protection are not in the target group unless they have another residence basis. */
  applicantsExcludedFrom: calendarDate('2022-03-01'),
} as const;

export const TARGET_GROUP_RULES = {
  NOT_IN_TARGET_GROUP_UNDER_18:
    'Actieplan integratiebeleid l.952: the policy addresses people of 18 and older',
  NOT_IN_TARGET_GROUP_LIVES_OUTSIDE_FLANDERS_AND_BRUSSELS:
    'Actieplan integratiebeleid l.952-953: people settling "in Vlaanderen of Brussel"',
  NOT_IN_TARGET_GROUP_BELGIAN_NOT_BORN_ABROAD:
    'Actieplan integratiebeleid l.953-955: Belgians belong only when born abroad with at least one parent born abroad',
  NOT_IN_TARGET_GROUP_INTERNATIONAL_PROTECTION_APPLICANT_ONLY:
    'public: from 1 March 2022 applicants for international protection are not in the target group unless they have another residence basis',
  NOT_IN_TARGET_GROUP_ASYLUM_APPLICATION_NOT_OVER_FOUR_MONTHS:
    'Actieplan integratiebeleid l.955-956: before 1 March 2022 asylum applicants belong only once their application is more than four months old',
  NOT_IN_TARGET_GROUP_NO_LAWFUL_STAY_OVER_THREE_MONTHS:
    'Actieplan integratiebeleid l.952-953: foreign nationals settling lawfully for more than 3 months or permanently',
  ENTITLED_BRUSSELS_NO_OBLIGATION:
    'Actieplan integratiebeleid l.976-977: "De inburgeringsplicht geldt ook niet voor inburgeraars in het Brusselse Hoofdstedelijke Gewest"; Beleidsbrief 2015-2016 l.735',
  OBLIGED_RECOGNISED_REFUGEE:
    'Actieplan integratiebeleid l.965-966: obliged "van zodra hij als vluchteling wordt erkend"',
  OBLIGED_SUBSIDIARY_PROTECTION:
    'public: beneficiaries of subsidiary protection are obliged like recognised refugees, from the grant (not in the source documents)',
  OBLIGED_MINISTER_OF_RECOGNISED_RELIGION:
    'Actieplan integratiebeleid l.966-967: "bedienaars van de erkende erediensten"',
  OBLIGED_MOVED_IN_WITHIN_FIVE_YEARS:
    'Beleidsbrief 2015-2016 l.1031-1038: moving to Flanders within five years after settling in Brussels or Wallonia',
  OBLIGED_NEWCOMER_FIRST_STAY:
    'Actieplan integratiebeleid l.959-964: foreign nationals staying in Belgium for more than 3 months for the first time',
  OBLIGED_BELGIAN_AT_MOST_ONE_YEAR:
    'Actieplan integratiebeleid l.964-965: "Belgen die hoogstens een jaar in België wonen"',
  ENTITLED_FOREIGN_NATIONAL_SETTLING:
    'Actieplan integratiebeleid l.952-953, l.956-957: foreign adults settling for more than 3 months have the right to a trajectory',
  ENTITLED_BELGIAN_BORN_ABROAD:
    'Actieplan integratiebeleid l.953-957: Belgians born abroad with a parent born abroad have the right to a trajectory',
  ENTITLED_ASYLUM_APPLICANT_OVER_FOUR_MONTHS:
    'Actieplan integratiebeleid l.955-957: asylum applicants whose application is more than four months old (before 1 March 2022)',
  UNDETERMINED_MISSING_FACTS:
    'Actieplan integratiebeleid l.1007: "onbepaald", resolved once the missing facts are recorded',
} as const;

export type TargetGroupRuleId = keyof typeof TARGET_GROUP_RULES | `EXEMPT_${ExemptionReason}`;

/** The rule that decided a status, shown to the counsellor and kept for audit. */
export interface TargetGroupRule {
  id: TargetGroupRuleId;
  source: string;
}

export function targetGroupRule(id: keyof typeof TARGET_GROUP_RULES): TargetGroupRule {
  return { id, source: TARGET_GROUP_RULES[id] };
}

export function exemptionRule(reason: ExemptionReason): TargetGroupRule {
  return { id: `EXEMPT_${reason}`, source: EXEMPTION_REASONS[reason] };
}
