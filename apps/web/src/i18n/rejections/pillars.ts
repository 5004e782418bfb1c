import type { DutchRejections } from './dutch-rejections';

/** The reasons of libs/domain/src/trajectory/rejection-reasons/pillars.ts in Dutch. */
export const PILLARS_IN_DUTCH = {
  PILLARS_NOT_STARTED:
    'De pijlers starten bij de ondertekening van het contract. Registreer eerst het contract.',
  NOT_AN_NT2_LEVEL: 'Kies niveau A1, A2 of B1.',
  PILLAR_ALREADY_COMPLETED: 'De pijler {pillar} is al voltooid.',
  PILLAR_ALREADY_WAIVED: 'De pijler {pillar} is al vrijgesteld.',

  MO_TEST_WITHOUT_ENROLMENT: 'Een resultaat van de MO-test vraagt eerst een inschrijving in een MO-cursus.',
  NT2_ENROLMENT_WITHOUT_REFERRAL:
    'Een inschrijving in een NT2-cursus volgt op een doorverwijzing. Registreer eerst de doorverwijzing.',
  NT2_TEST_WITHOUT_REFERRAL: 'Een NT2-testresultaat vraagt eerst een doorverwijzing naar een NT2-cursus.',
  NT2_SKILLS_NOT_DISTINCT:
    'Kies een of meer vaardigheden (luisteren, spreken, lezen, schrijven), elk één keer.',

  NT2_ADJUSTED_TARGET_LEARNER_LITERATE:
    'Een aangepast NT2-doel is er voor niet-geletterde en laaggeletterde cursisten (BBT 2020-2021 r. 1109-1117). Bij de intake is de inburgeraar als geletterd geregistreerd.',
  NT2_ADJUSTED_TARGET_NO_LITERACY:
    'Een aangepast NT2-doel is er voor niet-geletterde en laaggeletterde cursisten (BBT 2020-2021 r. 1109-1117). Bij de intake is geen geletterdheid geregistreerd.',
  NT2_ADJUSTED_TARGET_NOT_LOWER:
    'Het aangepaste doel moet lager liggen dan het huidige doel {currentTargetLevel}.',
  NT2_TARGET_BELOW_POLICY_MINIMUM:
    'De regelgeving {policyId} staat geen NT2-doel onder {lowestLevel} toe (bron: {source}).',
  NT2_TARGET_NOT_LOWERED_BY_POLICY:
    'De regelgeving {policyId} kent geen NT2-niveau onder {targetLevel} (bron: {source}).',
  NT2_TARGET_NOT_LOWERED_BY_POLICY_LITERACY_TRACK:
    'De regelgeving {policyId} kent geen NT2-niveau onder {targetLevel} (bron: {source}). Het alfabetiseringstraject mikt op niveau {literacyTrackLevel}, maar niet voor alle vaardigheden (bron: {literacyTrackSource}).',

  WORK_PILLAR_NOT_APPLICABLE: 'De pijler werk is niet van toepassing. {pillarReason}',
  PARTICIPATION_PILLAR_NOT_APPLICABLE:
    'De pijler participatie en netwerk is niet van toepassing. {pillarReason}',
  PARTICIPATION_HOURS_OUT_OF_RANGE: '{field}: geef meer dan 0 en hoogstens {maxHours} uur, per kwartier.',
  PARTICIPATION_ACTIVITY_ENDS_BEFORE_START: 'De einddatum mag niet vóór de begindatum liggen.',

  WAIVED_PILLAR_NOT_APPLICABLE: 'De pijler {pillar} is niet van toepassing: er is niets vrij te stellen.',

  ATTENDANCE_NOT_OF_A_COURSE: 'Aanwezigheden registreert u enkel voor een MO- of NT2-cursus.',
  ATTENDANCE_WITHOUT_MO_ENROLMENT:
    'Aanwezigheden in de MO-cursus vragen eerst een inschrijving in die cursus.',
  ATTENDANCE_WITHOUT_NT2_REFERRAL:
    'Aanwezigheden in de NT2-cursus vragen eerst een doorverwijzing naar een NT2-cursus.',
  ATTENDANCE_PERIOD_ENDS_BEFORE_START: 'Het einde van de periode mag niet vóór het begin liggen.',
  ATTENDANCE_HOURS_SCHEDULED_NOT_POSITIVE: 'Het aantal geplande uren moet meer dan 0 zijn.',
  ATTENDANCE_HOURS_ATTENDED_OUT_OF_RANGE:
    'Het aantal aanwezige uren moet tussen 0 en het aantal geplande uren ({hoursScheduled}) liggen.',

  CERTIFICATE_NUMBER_NOT_TEXT: 'Het certificaatnummer moet tekst zijn.',
  CERTIFICATE_NUMBER_WITH_FAIL: 'Een certificaatnummer geeft u enkel bij een geslaagde test.',
  CERTIFICATE_NUMBER_MISSING: 'Geef het certificaatnummer: bij een geslaagde test is het verplicht.',
  CERTIFICATE_NUMBER_TOO_LONG: 'Het certificaatnummer mag hoogstens {maxLength} tekens tellen.',

  NO_FOLLOW_UP_TRACK: 'Dit traject heeft geen vervolgtraject.',
  FOLLOW_UP_TRACK_COMPLETED: 'Het vervolgtraject is voltooid op {completedOn}.',
  DECLARATION_OF_EFFORT_WITHOUT_CONTRACT:
    'Een verklaring van geleverde inspanning volgt op een ondertekend contract.',
  DECLARATION_OF_EFFORT_AFTER_ATTEST: 'Het attest is al uitgereikt op {issuedOn}.',
  DECLARATION_OF_EFFORT_NOT_IN_POLICY:
    'De regelgeving {policyId} kent geen verklaring van geleverde inspanning.',
  DECLARATION_OF_EFFORT_WITHOUT_REASON: 'Geef de reden waarom de doelstellingen onmogelijk te bereiken zijn.',
} as const satisfies DutchRejections;
