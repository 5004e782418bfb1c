import { CalendarDate } from '../time/calendar-date';

/** Stateless persons count as THIRD_COUNTRY; an unknown nationality is a missing fact. */
export type NationalityGroup = 'BELGIAN' | 'EU_EEA_SWISS' | 'THIRD_COUNTRY';

export type Region = 'FLANDERS' | 'BRUSSELS' | 'WALLONIA';

export type InternationalProtection = 'NONE' | 'APPLICANT' | 'RECOGNISED_REFUGEE' | 'SUBSIDIARY_PROTECTION';

/**
 * What the agency records about a newcomer at registration and intake, as it stands on the reference date.
 * Every field is optional: `undefined` means "not recorded yet", which can make the decision UNDETERMINED.
 * A fact is only asked when a rule needs it (e.g. `bornAbroadWithParentBornAbroad` only of Belgians).
 */
export interface TargetGroupFacts {
  birthDate?: CalendarDate;
  nationalityGroup?: NationalityGroup;
  /** Belgians only: born abroad with at least one parent born abroad (Actieplan integratiebeleid l.953-955). */
  bornAbroadWithParentBornAbroad?: boolean;
  /** THIRD_COUNTRY only. */
  familyMemberOfEuEeaSwissNational?: boolean;
  /** Region of the main residence. */
  residenceRegion?: Region;
  /** First registration in the national register; the start of the settlement in Belgium. */
  firstRegisteredInBelgiumOn?: CalendarDate;
  staysMoreThanThreeMonths?: boolean;
  lawfulStay?: boolean;
  /** Where the newcomer lived in Belgium before Flanders: 'NONE' when they settled in Flanders first. */
  previousResidenceOutsideFlanders?: 'NONE' | 'BRUSSELS' | 'WALLONIA';
  /** Needed when `previousResidenceOutsideFlanders` is BRUSSELS or WALLONIA. */
  movedToFlandersOn?: CalendarDate;
  /** THIRD_COUNTRY only. */
  internationalProtection?: InternationalProtection;
  /** APPLICANT only, before 1 March 2022: the four-month rule (Actieplan integratiebeleid l.955-956). */
  internationalProtectionAppliedOn?: CalendarDate;
  /** RECOGNISED_REFUGEE / SUBSIDIARY_PROTECTION: date of recognition or grant. */
  internationalProtectionGrantedOn?: CalendarDate;
  /** APPLICANT only: another residence basis besides the application. */
  otherResidenceBasis?: boolean;
  ministerOfRecognisedReligion?: boolean;
  holdsAttest?: boolean;
  /** THIRD_COUNTRY only: temporary residence status that can lead to permanent residence. */
  temporaryLabourMigrantTowardsPermanentStay?: boolean;
  /** True only when a medical certificate is on file. */
  medicalCertificateOfSeriousIllnessOrDisability?: boolean;
  belgianOrDutchDiploma?: 'NONE' | 'SECONDARY' | 'HIGHER';
  fullSchoolYearOfReceptionEducation?: boolean;
}

export type TargetGroupFact = keyof TargetGroupFacts;

const FACTS_IN_ORDER: Record<TargetGroupFact, true> = {
  birthDate: true,
  nationalityGroup: true,
  bornAbroadWithParentBornAbroad: true,
  familyMemberOfEuEeaSwissNational: true,
  residenceRegion: true,
  firstRegisteredInBelgiumOn: true,
  staysMoreThanThreeMonths: true,
  lawfulStay: true,
  previousResidenceOutsideFlanders: true,
  movedToFlandersOn: true,
  internationalProtection: true,
  internationalProtectionAppliedOn: true,
  internationalProtectionGrantedOn: true,
  otherResidenceBasis: true,
  ministerOfRecognisedReligion: true,
  holdsAttest: true,
  temporaryLabourMigrantTowardsPermanentStay: true,
  medicalCertificateOfSeriousIllnessOrDisability: true,
  belgianOrDutchDiploma: true,
  fullSchoolYearOfReceptionEducation: true,
};

/** Every fact, in the order missing facts are listed. */
export const TARGET_GROUP_FACTS = Object.keys(FACTS_IN_ORDER) as TargetGroupFact[];

/** Facts that are dates of past events; none may lie after the reference date. */
export const PAST_DATE_FACTS = [
  'birthDate',
  'firstRegisteredInBelgiumOn',
  'movedToFlandersOn',
  'internationalProtectionAppliedOn',
  'internationalProtectionGrantedOn',
] as const satisfies readonly TargetGroupFact[];
