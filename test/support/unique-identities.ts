import { randomInt } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, CalendarDate, calendarDate, composeNationalNumber } from '../../libs/domain/src';

/**
 * Test people who never share a national number within a run. The store allows one open trajectory per person,
 * and every test file of a run writes to the same database, so random numbers alone would collide now and then.
 * The space (birth date 1970-1999, serial 1-997: ~10.9 million) is cut into blocks of BLOCK; a test file takes a
 * block no other file of the run has taken (a file created in the run's TEST_IDENTITY_BLOCKS_DIR, global-setup.ts)
 * and counts on through it, taking another when it is used up. Random starting places alone once let a file that
 * imports 5,000 registrations share 2,009 of their numbers with another file's people. A file run without the
 * global setup starts at a random place. A fixed birth date counts on through its 997 serials from a random one.
 */
const FIRST_BIRTH_DATE = calendarDate('1970-01-01');
// Born 1970-1999: of working age (18-64) at any contract date the tests use, 2016 to today.
const DAYS = 10_957; // 1970-01-01 .. 1999-12-31
const SERIALS = 997;
const SPACE = DAYS * SERIALS;
const BLOCK = 20_000;
let next: number | undefined;
let blockEnd = SPACE;
const nextSerialOn = new Map<string, number>();

/** The first place of a block no other test file of the run has taken (or a random place outside a run). */
function takeBlock(): number {
  const directory = process.env.TEST_IDENTITY_BLOCKS_DIR;
  if (!directory) {
    blockEnd = SPACE;
    return randomInt(0, SPACE);
  }
  const blocks = Math.floor(SPACE / BLOCK);
  const first = randomInt(0, blocks);
  for (let offset = 0; offset < blocks; offset++) {
    const block = (first + offset) % blocks;
    try {
      // Created only if absent: of two files asking for the same block at once, one gets it.
      closeSync(openSync(join(directory, String(block)), 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    blockEnd = (block + 1) * BLOCK;
    return block * BLOCK;
  }
  throw new Error(`every block of test identities in ${directory} is taken`);
}

export function uniqueIdentity(birthDate?: string): { birthDate: CalendarDate; nationalNumber: string } {
  if (birthDate !== undefined) {
    const serial = nextSerialOn.get(birthDate) ?? randomInt(0, SERIALS);
    nextSerialOn.set(birthDate, (serial + 1) % SERIALS);
    return {
      birthDate: calendarDate(birthDate),
      nationalNumber: composeNationalNumber(calendarDate(birthDate), serial + 1),
    };
  }
  if (next === undefined || next >= blockEnd) next = takeBlock();
  const index = next;
  next = (next + 1) % SPACE;
  const born = addDays(FIRST_BIRTH_DATE, Math.floor(index / SERIALS));
  return { birthDate: born, nationalNumber: composeNationalNumber(born, (index % SERIALS) + 1) };
}
