import { randomInt } from 'node:crypto';
import { addDays, CalendarDate, calendarDate, composeNationalNumber } from '../../libs/domain/src';

/**
 * Test people who never share a national number within a run. The store allows one open trajectory per person,
 * and every test file of a run writes to the same database, so random numbers alone would collide now and then.
 * Each test process starts at a random place in a space of ~10.9 million (birth date 1970-1999, serial 1-997)
 * and counts on from there: two processes overlap only if they start within a few hundred places of each other.
 * A fixed birth date counts on through its 997 serials from a random one.
 */
const FIRST_BIRTH_DATE = calendarDate('1970-01-01');
// Born 1970-1999: of working age (18-64) at any contract date the tests use, 2016 to today.
const DAYS = 10_957; // 1970-01-01 .. 1999-12-31
const SERIALS = 997;
let next = randomInt(0, DAYS * SERIALS);
const nextSerialOn = new Map<string, number>();

export function uniqueIdentity(birthDate?: string): { birthDate: CalendarDate; nationalNumber: string } {
  if (birthDate !== undefined) {
    const serial = nextSerialOn.get(birthDate) ?? randomInt(0, SERIALS);
    nextSerialOn.set(birthDate, (serial + 1) % SERIALS);
    return {
      birthDate: calendarDate(birthDate),
      nationalNumber: composeNationalNumber(calendarDate(birthDate), serial + 1),
    };
  }
  const index = next;
  next = (next + 1) % (DAYS * SERIALS);
  const born = addDays(FIRST_BIRTH_DATE, Math.floor(index / SERIALS));
  return { birthDate: born, nationalNumber: composeNationalNumber(born, (index % SERIALS) + 1) };
}
