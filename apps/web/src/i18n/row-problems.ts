import type { RowProblem, RowProblemReason } from '../../../../libs/domain/src/exchange/row-problem';
import type { FieldError } from '../api/client';
import type { Language, Translate } from './i18n';
import { rejectionText } from './rejection-text';

type Label = (prefix: string, value: string | null | undefined) => string;

/**
 * The problems of a file row (libs/domain/src/exchange/row-problem.ts) in Dutch, without the field: the report puts
 * the field's label before them. The type fails to compile when the domain adds a problem.
 */
export const ROW_PROBLEMS_IN_DUTCH: Record<RowProblemReason, string> = {
  ROW_NOT_AN_OBJECT: 'moet een object zijn met de beschreven velden',
  ROW_NOT_A_JSON_OBJECT: 'moet een JSON-object zijn met de beschreven velden',
  ROW_NOT_JSON: 'is geen geldige JSON',
  ROW_TOO_LONG: 'is langer dan {maxLength} tekens',
  ROW_FIELD_COUNT: 'heeft {found} velden, de kopregel heeft er {expected}',
  FIELD_NOT_DOCUMENTED: 'is geen beschreven veld',
  FIELD_REQUIRED: 'is verplicht',
  FIELD_NOT_TEXT: 'moet tekst zijn',
  FIELD_TOO_LONG: 'mag hoogstens {maxLength} tekens lang zijn',
  FIELD_NOT_ONE_OF: 'moet een van deze waarden zijn: {allowed}',
  FIELD_NOT_A_DATE: 'moet een datum zijn in de vorm JJJJ-MM-DD',
  FIELD_IN_FUTURE: 'mag niet in de toekomst liggen',
  FIELD_NOT_HOURS: 'moet een aantal uren zijn, bv. 2,5',
  FIELD_NOT_TRUE_OR_FALSE: 'moet true of false zijn',
  FIELD_NOT_A_TRAJECTORY_ID: 'moet een traject-id zijn (een UUID)',
  FIELD_NOT_USED_FOR_RECORD: 'hoort niet bij een record van het type {record}; laat het leeg',
  NATIONAL_NUMBER_OR_TRAJECTORY_REQUIRED: 'geef een rijksregisternummer of een traject-id',
  ROW_NATIONAL_NUMBER_NOT_11_DIGITS:
    'moet 11 cijfers hebben (JJMMDD VVV CC); punten, streepjes en spaties mogen',
  ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH: 'de controlecijfers kloppen niet (geen geldig rijksregisternummer)',
  ROW_NATIONAL_NUMBER_IMPOSSIBLE_MONTH: 'die maand kan niet in een rijksregisternummer',
  ROW_NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE: 'het deel met de geboortedatum is geen bestaande datum',
  CERTIFICATE_REQUIRED_WITH_PASS: 'is verplicht bij een geslaagde test',
  CERTIFICATE_ONLY_WITH_PASS: 'hoort alleen bij een geslaagde test',
  SKILLS_NOT_DISTINCT_VALUES: 'moet verschillende waarden bevatten uit {allowed}',
  RECORD_NO_TRAJECTORY_IN_SCOPE: 'geen open traject voor deze inburgeraar binnen uw bevoegdheid',
  RECORD_TRAJECTORY_CLOSED: 'het traject is afgesloten',
  RECORD_ACTIVITY_OTHER_HOURS: 'deze activiteit werd al eerder geboekt met andere uren of feedback',
  RECORD_ENROLMENT_OTHER_LANGUAGE: 'deze inschrijving werd al eerder geboekt met een andere taal',
  RECORD_ENROLMENT_OTHER_LEVEL: 'deze inschrijving werd al eerder geboekt met een ander niveau',
  RECORD_ATTENDANCE_OTHER_HOURS: 'de aanwezigheid in deze periode werd al eerder geboekt met andere uren',
  RECORD_MO_RESULT_OTHER:
    'een resultaat van de test op deze datum werd al eerder geboekt met een andere uitslag of een ander certificaat',
  RECORD_NT2_RESULT_OTHER:
    'een resultaat van de test op dit niveau en deze datum werd al eerder geboekt met een andere uitslag of een ander certificaat',
  ROW_DOSSIER_ID_INVALID: 'moet een tekst van 1 tot {maxLength} tekens zijn',
  ROW_TARGET_GROUP_FACTS_NOT_JSON: 'moet een JSON-object zijn',
  ROW_AGENCY_NOT_THE_OPENER: 'moet {agency} zijn: het agentschap dat het bestand oplaadt',
  ROW_TEST_CLOCK_REFUSED: 'wordt niet aanvaard in een caseloadbestand',
  ROW_STREAM_HOLDS_OTHER_EVENTS: 'het traject van deze rij bevat al andere gebeurtenissen',
  ROW_REPEATS_ROW: 'deze rij herhaalt rij {row}: hetzelfde dossier',
  ROW_SAME_NEWCOMER_AS_ROW:
    'de inburgeraar van deze rij is die van rij {row}: één actief traject per inburgeraar',
};

/**
 * One problem of a file row in the reader's language: a row problem as "field: why", a refusal by the trajectory in
 * its rejection's words (which name the field themselves). Undefined when the reader reads English, or the problem
 * has no key this app knows (the API words it itself, or an API newer than the app): then its English reason stands.
 */
export function rowProblemText(
  problem: RowProblem,
  language: Language,
  t: Translate,
  label: Label,
): string | undefined {
  if (language !== 'nl' || problem.key === undefined) return undefined;
  const params = problem.params ?? {};
  const wording = (ROW_PROBLEMS_IN_DUTCH as Record<string, string | undefined>)[problem.key];
  if (wording === undefined)
    return rejectionText(
      { reason: problem.key, params: { field: problem.field, ...params } },
      language,
      t,
      label,
    );
  const number = new Intl.NumberFormat('nl-BE', { useGrouping: false });
  const text = wording.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? number.format(value) : value;
  });
  return `${label('field.', problem.field)}: ${text}`;
}

/** A bad field of a 400 in the reader's language, from its reason's key (a command's or a file row's), if it has one. */
export function fieldErrorText(
  error: FieldError,
  language: Language,
  t: Translate,
  label: Label,
): string | undefined {
  if (error.reason === undefined) return undefined;
  const key = error.reason as NonNullable<RowProblem['key']>;
  return rowProblemText(
    { field: error.field, reason: error.detail, key, ...(error.params ? { params: error.params } : {}) },
    language,
    t,
    label,
  );
}
