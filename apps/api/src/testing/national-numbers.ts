import { calendarDate, composeNationalNumber } from '../../../../libs/domain/src';

/** Test helper: a valid national number of someone born on `birthDate` (YYYY-MM-DD). */
export function nationalNumberFor(birthDate: string, serial = 33): string {
  return composeNationalNumber(calendarDate(birthDate), serial);
}
