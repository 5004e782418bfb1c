import type { ValidationError } from '@nestjs/common';
import { checkNationalNumber, RejectionParams, RejectionReason } from '../../../../libs/domain/src';

/** The key and parameters of a bad field's reason: a reader's language words it from them (the domain's list). */
export interface InputReason {
  key: RejectionReason;
  params: RejectionParams;
}

/** What follows the property's name in class-validator's own message of a check, the check's value captured. */
const VALUE_AFTER: Record<string, RegExp> = {
  isIn: /^ must be one of the following values: (.+)$/,
  maxLength: /^ must be shorter than or equal to (\d+) characters$/,
  min: /^ must not be less than (-?[\d.]+)$/,
  max: /^ must not be greater than (-?[\d.]+)$/,
};

/** Checks whose reason needs nothing but the field. */
const PLAIN: Record<string, RejectionReason> = {
  isString: 'INPUT_NOT_TEXT',
  isNotEmpty: 'MUST_NOT_BE_EMPTY',
  isBoolean: 'MUST_BE_TRUE_OR_FALSE',
  isInt: 'INPUT_NOT_A_WHOLE_NUMBER',
  isNumber: 'INPUT_NOT_A_NUMBER',
  isCalendarDate: 'INPUT_NOT_A_REAL_DATE',
  isUUID: 'INPUT_NOT_AN_ID',
};

/**
 * The reason of the check `constraint` that refused `error`'s field with `message`, as a key of the domain's reasons
 * with its parameters; undefined for a check with a message of its own (a pattern, a rule between two fields), whose
 * English then stands alone. The field is named by its dotted path.
 */
export function inputReasonOf(
  error: ValidationError,
  constraint: string | 'required',
  message: string,
  field: string,
): InputReason | undefined {
  const own = (key: RejectionReason, params: RejectionParams = {}): InputReason => ({
    key,
    params: { field, ...params },
  });
  if (constraint === 'required') return own('INPUT_REQUIRED');
  if (constraint === 'whitelistValidation') return own('INPUT_NOT_DOCUMENTED');
  if (constraint === 'matches' && message === `${error.property} must not be blank`)
    return own('MUST_NOT_BE_EMPTY');
  if (constraint === 'isNationalNumber') {
    if (typeof error.value !== 'string') return own('INPUT_NOT_TEXT');
    const check = checkNationalNumber(error.value);
    return check.valid ? undefined : own(`NATIONAL_NUMBER_${check.problem}`);
  }
  if (constraint in PLAIN && message.startsWith(`${error.property} `)) return own(PLAIN[constraint]!);
  const value =
    VALUE_AFTER[constraint] && message.startsWith(error.property)
      ? VALUE_AFTER[constraint].exec(message.slice(error.property.length))?.[1]
      : undefined;
  if (value === undefined) return undefined;
  switch (constraint) {
    case 'isIn':
      return own('MUST_BE_ONE_OF', { allowed: value });
    case 'maxLength':
      return own('INPUT_TOO_LONG', { maxLength: Number(value) });
    case 'min':
      return own('INPUT_TOO_SMALL', { min: Number(value) });
    default:
      return own('INPUT_TOO_LARGE', { max: Number(value) });
  }
}
