import { because, Rejection } from '../rejection';

export const MAX_CERTIFICATE_NUMBER_LENGTH = 64;

/**
 * The certificate number of a standardised test result (MO or NT2): the test centre issues a certificate with
 * every pass, so a pass needs its number and a fail has none. Answers the number to record (null with a fail),
 * or why the result is refused. `legacy`: the rules before certificate numbers (workflow replay only).
 */
export function certificateNumberOf(
  passed: boolean,
  value: unknown,
  legacy = false,
): string | null | Rejection {
  const field = 'certificateNumber';
  if (value !== undefined && value !== null && typeof value !== 'string')
    return because('CERTIFICATE_NUMBER_NOT_TEXT', { field }, field);
  const number = typeof value === 'string' ? value.trim() : '';
  if (legacy) return number === '' ? null : number;
  if (!passed) {
    if (number !== '') return because('CERTIFICATE_NUMBER_WITH_FAIL', { field }, field);
    return null;
  }
  if (number === '') return because('CERTIFICATE_NUMBER_MISSING', { field }, field);
  if (number.length > MAX_CERTIFICATE_NUMBER_LENGTH)
    return because('CERTIFICATE_NUMBER_TOO_LONG', { field, maxLength: MAX_CERTIFICATE_NUMBER_LENGTH }, field);
  return number;
}
