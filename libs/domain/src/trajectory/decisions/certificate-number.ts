import { Rejection, rejection } from '../rejection';

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
  if (value !== undefined && value !== null && typeof value !== 'string')
    return rejection('INVALID_INPUT', 'certificateNumber must be text', 'certificateNumber');
  const number = typeof value === 'string' ? value.trim() : '';
  if (legacy) return number === '' ? null : number;
  if (!passed) {
    if (number !== '')
      return rejection('INVALID_INPUT', 'certificateNumber is only given with a pass', 'certificateNumber');
    return null;
  }
  if (number === '')
    return rejection('INVALID_INPUT', 'certificateNumber is required with a pass', 'certificateNumber');
  if (number.length > MAX_CERTIFICATE_NUMBER_LENGTH)
    return rejection(
      'INVALID_INPUT',
      `certificateNumber must be at most ${MAX_CERTIFICATE_NUMBER_LENGTH} characters`,
      'certificateNumber',
    );
  return number;
}
