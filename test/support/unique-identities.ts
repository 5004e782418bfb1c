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
 * global setup starts at a random place. A fixed birth date draws from serials the blocks never use (901-997), each
 * claimed by a file as the blocks are, so that it meets neither another file's people nor the blocks'.
 */
const FIRST_BIRTH_DATE = calendarDate('1970-01-01');
// Born 1970-1999: of working age (18-64) at any contract date the tests use, 2016 to today.
const DAYS = 10_957; // 1970-01-01 .. 1999-12-31
/** Serials 1-900 of every birth date are cut into blocks; 901-997 are left to fixed birth dates. */
const SERIALS = 900;
const FIXED_DATE_SERIALS = { first: 901, last: 997 };
const SPACE = DAYS * SERIALS;
const BLOCK = 20_000;
let next: number | undefined;
let blockEnd = SPACE;
const nextSerialOn = new Map<string, number>();
const FIXED_DATE_SERIAL_COUNT = FIXED_DATE_SERIALS.last - FIXED_DATE_SERIALS.first + 1;

/**
 * A serial of a fixed birth date no other test file of the run has taken (a file per date and serial, as the blocks
 * are claimed), counting on from a random one; outside a run, counting on from a random one.
 */
function takeSerialOn(born: CalendarDate): number {
  const directory = process.env.TEST_IDENTITY_BLOCKS_DIR;
  const start = nextSerialOn.get(born) ?? randomInt(0, FIXED_DATE_SERIAL_COUNT);
  for (let offset = 0; offset < FIXED_DATE_SERIAL_COUNT; offset++) {
    const place = (start + offset) % FIXED_DATE_SERIAL_COUNT;
    nextSerialOn.set(born, (place + 1) % FIXED_DATE_SERIAL_COUNT);
    const serial = FIXED_DATE_SERIALS.first + place;
    if (!directory || claim(join(directory, `${born}-${serial}`))) return serial;
  }
  throw new Error(`every serial of birth date ${born} in ${directory} is taken`);
}

/** Creates `path` only if absent: of two files asking for it at once, one gets it (true). */
function claim(path: string): boolean {
  try {
    closeSync(openSync(path, 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

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
    if (!claim(join(directory, String(block)))) continue;
    blockEnd = (block + 1) * BLOCK;
    return block * BLOCK;
  }
  throw new Error(`every block of test identities in ${directory} is taken`);
}

export function uniqueIdentity(birthDate?: string): { birthDate: CalendarDate; nationalNumber: string } {
  if (birthDate !== undefined) {
    const born = calendarDate(birthDate);
    return { birthDate: born, nationalNumber: composeNationalNumber(born, takeSerialOn(born)) };
  }
  if (next === undefined || next >= blockEnd) next = takeBlock();
  const index = next;
  next = (next + 1) % SPACE;
  const born = addDays(FIRST_BIRTH_DATE, Math.floor(index / SERIALS));
  return { birthDate: born, nationalNumber: composeNationalNumber(born, (index % SERIALS) + 1) };
}
