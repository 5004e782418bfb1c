import { CalendarDate, isCalendarDate } from '../time/calendar-date';

/**
 * The Belgian national number (rijksregisternummer / INSZ): YYMMDD SSS CC.
 * CC = 97 - (first nine digits mod 97); for people born in 2000 or later the nine digits are prefixed with "2".
 * BIS numbers (people not in the national register) add 20 or 40 to the month.
 */
export type NationalNumber = string & { readonly __brand: 'NationalNumber' };

/** What is wrong with a national number; `reason` words it in English, without its digits (they are personal data). */
export type NationalNumberProblem =
  'NOT_11_DIGITS' | 'CHECKSUM_MISMATCH' | 'IMPOSSIBLE_MONTH' | 'IMPOSSIBLE_BIRTH_DATE';

export type NationalNumberCheck =
  | { valid: true; nationalNumber: NationalNumber; birthDate?: CalendarDate; bis: boolean }
  | { valid: false; problem: NationalNumberProblem; reason: string };

const PROBLEMS: Record<NationalNumberProblem, string> = {
  NOT_11_DIGITS: 'must have 11 digits (YYMMDD SSS CC), dots, dashes and spaces allowed',
  CHECKSUM_MISMATCH: 'checksum digits do not match (not a valid national number)',
  IMPOSSIBLE_MONTH: 'month is not possible in a national number',
  IMPOSSIBLE_BIRTH_DATE: 'birth date part is not a real date',
};

function invalid(problem: NationalNumberProblem): NationalNumberCheck {
  return { valid: false, problem, reason: PROBLEMS[problem] };
}

export function checkNationalNumber(input: string): NationalNumberCheck {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{11}$/.test(digits)) {
    return invalid('NOT_11_DIGITS');
  }
  const base = Number(digits.slice(0, 9));
  const checksum = Number(digits.slice(9));
  const bornBefore2000 = 97 - (base % 97) === checksum;
  const bornFrom2000 = 97 - (Number(`2${digits.slice(0, 9)}`) % 97) === checksum;
  if (!bornBefore2000 && !bornFrom2000) {
    return invalid('CHECKSUM_MISMATCH');
  }
  const rawMonth = Number(digits.slice(2, 4));
  const bis = rawMonth >= 20;
  const month = rawMonth % 20;
  if (month > 12 || rawMonth > 52) {
    return invalid('IMPOSSIBLE_MONTH');
  }
  const century = bornFrom2000 ? '20' : '19';
  const candidate = `${century}${digits.slice(0, 2)}-${String(month).padStart(2, '0')}-${digits.slice(4, 6)}`;
  const birthDate = isCalendarDate(candidate) ? candidate : undefined;
  if (!birthDate && month !== 0 && Number(digits.slice(4, 6)) !== 0) {
    return invalid('IMPOSSIBLE_BIRTH_DATE');
  }
  return { valid: true, nationalNumber: digits as NationalNumber, birthDate, bis };
}

/**
 * The national number of someone born on `birthDate` with the day's serial (1-997; odd for men, even for women):
 * the inverse of the check, for registers, demo data and tests.
 */
export function composeNationalNumber(birthDate: CalendarDate, serial: number): NationalNumber {
  if (!Number.isInteger(serial) || serial < 1 || serial > 997)
    throw new RangeError(`serial ${serial} is not 1-997`);
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  const checked = Number(birthDate.slice(0, 4) >= '2000' ? `2${nine}` : nine);
  return `${nine}${String(97 - (checked % 97)).padStart(2, '0')}` as NationalNumber;
}
