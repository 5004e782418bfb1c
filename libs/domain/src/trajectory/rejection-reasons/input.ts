import type { RejectionWording } from '../rejection';

/**
 * Reasons the API's input validation gives (HTTP 400, one per bad field) before a command reaches the rules, in
 * the words of the checks that find them; a check the rules also make keeps the rules' reason (NOT_A_DATE,
 * MUST_BE_ONE_OF, MUST_NOT_BE_EMPTY, MUST_BE_TRUE_OR_FALSE, NATIONAL_NUMBER_*).
 */
export const INPUT_REJECTIONS = {
  INPUT_REQUIRED: { code: 'INVALID_INPUT', message: '{field} is required' },
  INPUT_NOT_DOCUMENTED: { code: 'INVALID_INPUT', message: 'property {field} should not exist' },
  INPUT_NOT_TEXT: { code: 'INVALID_INPUT', message: '{field} must be a string' },
  INPUT_TOO_LONG: {
    code: 'INVALID_INPUT',
    message: '{field} must be shorter than or equal to {maxLength} characters',
  },
  INPUT_NOT_A_WHOLE_NUMBER: { code: 'INVALID_INPUT', message: '{field} must be an integer number' },
  INPUT_NOT_A_NUMBER: { code: 'INVALID_INPUT', message: '{field} must be a number' },
  INPUT_TOO_SMALL: { code: 'INVALID_INPUT', message: '{field} must not be less than {min}' },
  INPUT_TOO_LARGE: { code: 'INVALID_INPUT', message: '{field} must not be greater than {max}' },
  INPUT_NOT_A_REAL_DATE: { code: 'INVALID_INPUT', message: '{field} must be a real date written YYYY-MM-DD' },
  INPUT_NOT_AN_ID: { code: 'INVALID_INPUT', message: '{field} must be a UUID' },
} as const satisfies Record<string, RejectionWording>;
