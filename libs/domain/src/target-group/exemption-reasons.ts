/**
 * Reasons for an exemption from the obligation, in the order of Actieplan integratiebeleid l.969-976; each with its source.
 * An exempt newcomer may still follow a trajectory voluntarily.
 */
export const EXEMPTION_REASONS = {
  EU_EEA_SWISS_NATIONAL:
    'Actieplan integratiebeleid l.969-971: nationals of an EU member state, Norway, Iceland, Liechtenstein or Switzerland',
  FAMILY_MEMBER_OF_EU_EEA_SWISS_NATIONAL: 'Actieplan integratiebeleid l.971: "en hun familieleden"',
  HOLDS_ATTEST:
    'Actieplan integratiebeleid l.971: "inburgeraars die al een inburgeringsattest hebben gehaald"',
  TEMPORARY_LABOUR_MIGRANT:
    'Actieplan integratiebeleid l.972: labour migrants with a temporary residence status that can lead to permanent residence',
  AGED_65_OR_OLDER: 'Actieplan integratiebeleid l.973: "nieuwkomers van 65 jaar en ouder"',
  SERIOUS_ILLNESS_OR_DISABILITY:
    'Actieplan integratiebeleid l.973: "ernstig ziek zijn of een handicap hebben" (medical certificate)',
  BELGIAN_OR_DUTCH_DIPLOMA: 'Actieplan integratiebeleid l.974-975: a diploma of Belgian or Dutch education',
  RECEPTION_EDUCATION_SCHOOL_YEAR:
    'Actieplan integratiebeleid l.975-976: a full school year of reception education (onthaalonderwijs)',
} as const;

export type ExemptionReason = keyof typeof EXEMPTION_REASONS;

export const EXEMPTION_REASON_CODES = Object.keys(EXEMPTION_REASONS) as ExemptionReason[];

export function isExemptionReason(value: unknown): value is ExemptionReason {
  return typeof value === 'string' && Object.hasOwn(EXEMPTION_REASONS, value);
}
