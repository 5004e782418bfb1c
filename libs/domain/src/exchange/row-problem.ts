import type { NationalNumberProblem } from '../newcomer/national-number';
import { fillIn, Rejection, RejectionParams, RejectionReason } from '../trajectory/rejection';

/**
 * Why one field of a partner's or an agency's file row cannot be taken, worded in English without the field (a row
 * report names it beside the reason) and with `{name}` for each parameter. A row the trajectory itself refused
 * carries the command's rejection reason instead (REJECTION_REASONS); the keys of the two lists are distinct (see
 * the spec), so a key alone says which list words it.
 */
export const ROW_PROBLEM_REASONS = {
  // The row as a whole, as the file gives it.
  ROW_NOT_AN_OBJECT: 'must be an object with the documented fields',
  ROW_NOT_A_JSON_OBJECT: 'must be a JSON object with the documented fields',
  ROW_NOT_JSON: 'is not valid JSON',
  ROW_TOO_LONG: 'is longer than {maxLength} characters',
  ROW_FIELD_COUNT: 'has {found} fields, the header has {expected}',
  // One field.
  FIELD_NOT_DOCUMENTED: 'is not a documented field',
  FIELD_REQUIRED: 'is required',
  FIELD_NOT_TEXT: 'must be text',
  FIELD_TOO_LONG: 'must be at most {maxLength} characters',
  FIELD_NOT_ONE_OF: 'must be one of {allowed}',
  FIELD_NOT_A_DATE: 'must be a date as YYYY-MM-DD',
  FIELD_IN_FUTURE: 'must not be in the future',
  FIELD_NOT_HOURS: 'must be a number of hours, e.g. 2.5',
  FIELD_NOT_TRUE_OR_FALSE: 'must be true or false',
  FIELD_NOT_A_TRAJECTORY_ID: 'must be a trajectory id (a UUID)',
  FIELD_NOT_USED_FOR_RECORD: 'is not used for a {record} record; leave it empty',
  NATIONAL_NUMBER_OR_TRAJECTORY_REQUIRED: 'a national number or a trajectory id is required',
  // The national number's own checks, without its digits (personal data).
  ROW_NATIONAL_NUMBER_NOT_11_DIGITS: 'must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
  ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH: 'checksum digits do not match (not a valid national number)',
  ROW_NATIONAL_NUMBER_IMPOSSIBLE_MONTH: 'month is not possible in a national number',
  ROW_NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE: 'birth date part is not a real date',
  // A test centre's results.
  CERTIFICATE_REQUIRED_WITH_PASS: 'is required with a pass',
  CERTIFICATE_ONLY_WITH_PASS: 'is only given with a pass',
  SKILLS_NOT_DISTINCT_VALUES: 'must be distinct values of {allowed}',
  // A municipality's or test centre's record the trajectory cannot take as it is.
  RECORD_NO_TRAJECTORY_IN_SCOPE: 'no open trajectory for this newcomer within your scope',
  RECORD_TRAJECTORY_CLOSED: 'the trajectory is closed',
  RECORD_ACTIVITY_OTHER_HOURS: 'the activity was logged before with other hours or feedback',
  RECORD_ENROLMENT_OTHER_LANGUAGE: 'the enrolment was recorded before with another language',
  RECORD_ENROLMENT_OTHER_LEVEL: 'the enrolment was recorded before with another level',
  RECORD_ATTENDANCE_OTHER_HOURS: 'the attendance of this period was recorded before with other hours',
  RECORD_MO_RESULT_OTHER:
    'a result of the test on this date was recorded before with another outcome or certificate',
  RECORD_NT2_RESULT_OTHER:
    'a result of the test at this level on this date was recorded before with another outcome or certificate',
  // An agency's caseload file; its fields' checks are the API's (POST /trajectories), which name the field.
  ROW_DOSSIER_ID_INVALID: 'dossierId must be a text of 1 to {maxLength} characters',
  ROW_TARGET_GROUP_FACTS_NOT_JSON: 'targetGroupFacts must be a JSON object',
  ROW_AGENCY_NOT_THE_OPENER: 'agency must be {agency}: the agency that opens the file',
  ROW_TEST_CLOCK_REFUSED: 'testDeadlineClock is not accepted in a caseload file',
  ROW_STREAM_HOLDS_OTHER_EVENTS: 'the trajectory of this row already holds other events',
  ROW_REPEATS_ROW: 'this row repeats row {row}: the same dossier',
  ROW_SAME_NEWCOMER_AS_ROW:
    'the newcomer of this row is the newcomer of row {row}: one active trajectory per newcomer',
} as const;

export type RowProblemReason = keyof typeof ROW_PROBLEM_REASONS;

/** A field that is wrong and why; never repeats the value (it may be a national number). */
export interface RowProblem {
  field: string;
  /** Why, in English, for partners' systems and the row report's CSV. */
  reason: string;
  /**
   * Which wording, with its parameters: the web application words the problem in the reader's language from
   * these. Absent on a problem recorded before the keys existed, or one the API's input validation words itself.
   */
  key?: RowProblemReason | RejectionReason;
  params?: RejectionParams;
}

/** The names between braces in a wording. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type RowParamsOf<Key extends RowProblemReason> = {
  [Name in Placeholders<(typeof ROW_PROBLEM_REASONS)[Key]>]: string | number;
};

/** The problem `key` with its English reason filled in: `rowProblem('registeredOn', 'FIELD_REQUIRED')`. */
export function rowProblem<Key extends RowProblemReason>(
  field: string,
  key: Key,
  ...[params]: keyof RowParamsOf<Key> extends never ? [] : [params: RowParamsOf<Key>]
): RowProblem {
  const values: RejectionParams = { ...(params ?? {}) };
  return {
    field,
    reason: fillIn(ROW_PROBLEM_REASONS[key], values),
    key,
    ...(params ? { params: values } : {}),
  };
}

/** A command's rejection as the problem of the row that asked for it, about its field or else `field`. */
export function rowProblemOfRejection(rejection: Rejection, field = 'row'): RowProblem {
  return {
    field: rejection.field ?? field,
    reason: rejection.message,
    key: rejection.reason,
    params: rejection.params,
  };
}

const NATIONAL_NUMBER_ROW_PROBLEMS = {
  NOT_11_DIGITS: 'ROW_NATIONAL_NUMBER_NOT_11_DIGITS',
  CHECKSUM_MISMATCH: 'ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH',
  IMPOSSIBLE_MONTH: 'ROW_NATIONAL_NUMBER_IMPOSSIBLE_MONTH',
  IMPOSSIBLE_BIRTH_DATE: 'ROW_NATIONAL_NUMBER_IMPOSSIBLE_BIRTH_DATE',
} as const satisfies Record<NationalNumberProblem, RowProblemReason>;

/** What checkNationalNumber found, as the problem of the row's `nationalNumber`. */
export function nationalNumberRowProblem(problem: NationalNumberProblem): RowProblem {
  const key = NATIONAL_NUMBER_ROW_PROBLEMS[problem];
  return { field: 'nationalNumber', reason: ROW_PROBLEM_REASONS[key], key };
}
