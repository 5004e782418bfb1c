import type { DutchRejections } from './dutch-rejections';

/** The input checks' reasons (libs/domain/src/trajectory/rejection-reasons/input.ts) in Dutch. */
export const INPUT_IN_DUTCH = {
  INPUT_REQUIRED: '{field} is verplicht.',
  INPUT_NOT_DOCUMENTED: '{field} is geen veld van dit formulier.',
  INPUT_NOT_TEXT: '{field}: geef een tekst.',
  INPUT_TOO_LONG: '{field} mag hoogstens {maxLength} tekens lang zijn.',
  INPUT_NOT_A_WHOLE_NUMBER: '{field}: geef een geheel getal.',
  INPUT_NOT_A_NUMBER: '{field}: geef een getal.',
  INPUT_TOO_SMALL: '{field} mag niet kleiner zijn dan {min}.',
  INPUT_TOO_LARGE: '{field} mag niet groter zijn dan {max}.',
  INPUT_NOT_A_REAL_DATE: '{field}: geef een bestaande datum.',
  INPUT_NOT_AN_ID: '{field}: geef een geldige id (een UUID).',
} as const satisfies DutchRejections;
