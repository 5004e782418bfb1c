import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  addDays,
  Agency,
  CalendarDate,
  calendarDate,
  calendarDateAt,
  composeNationalNumber,
} from '../libs/domain/src';
import { thirdCountryNewcomerFacts } from '../libs/domain/src/trajectory/trajectory.fixtures';
import { FAMILY_NAMES, GIVEN_NAMES, MUNICIPALITIES, seededRandom } from './trajectory-workload';

/** A newcomer's identity: distinct per index. */
export type IdentityOf = (index: number) => { birthDate: CalendarDate; nationalNumber: string };

const BIRTH_DAYS = 10_957; // 1970-01-01 .. 1999-12-31: of working age whenever the file is opened

/** Distinct national numbers for up to ~10.9 million newcomers (birth date 1970-1999, serial from 1). */
export const indexedIdentity: IdentityOf = (index) => {
  const birthDate = dayAfter(calendarDate('1970-01-01'), index % BIRTH_DAYS);
  return { birthDate, nationalNumber: composeNationalNumber(birthDate, 1 + Math.floor(index / BIRTH_DAYS)) };
};

/**
 * The rows of an agency's open caseload as its caseload file holds them (the fields of `POST /trajectories` and
 * the agency's dossier id): newcomers registered with the agency in the last 90 days, most of them third-country
 * nationals settled in Flanders shortly before (obliged, with their agency registration deadline), the others
 * without target-group facts. Reproducible: the same arguments give the same rows.
 */
export function* caseloadRows(
  agency: Agency,
  count: number,
  identityOf: IdentityOf = indexedIdentity,
  today: CalendarDate = calendarDateAt(Date.now()),
): Generator<Record<string, unknown>> {
  const random = seededRandom(`caseload:${agency}:${count}`);
  const municipalities = MUNICIPALITIES[agency];
  for (let index = 0; index < count; index += 1) {
    const { birthDate, nationalNumber } = identityOf(index);
    const registeredOn = dayAfter(today, -Math.floor(random() * 90));
    const settledOn = dayAfter(registeredOn, -20 - Math.floor(random() * 40));
    yield {
      dossierId: `${agency}-${String(index).padStart(7, '0')}`,
      nationalNumber,
      givenName: GIVEN_NAMES[index % GIVEN_NAMES.length],
      familyName: FAMILY_NAMES[Math.floor(random() * FAMILY_NAMES.length)],
      birthDate,
      municipality: municipalities[index % municipalities.length],
      agency,
      counsellorId: `counsellor-${String(index % 1_000).padStart(4, '0')}`,
      registeredOn,
      ...(random() < 0.8 ? { targetGroupFacts: thirdCountryNewcomerFacts(settledOn) } : {}),
    };
  }
}

const days = new Map<string, CalendarDate>();

/** addDays, remembered: a file of many rows uses few distinct days. */
function dayAfter(date: CalendarDate, offset: number): CalendarDate {
  const key = `${date}${offset}`;
  let day = days.get(key);
  if (day === undefined) days.set(key, (day = addDays(date, offset)));
  return day;
}

/** Writes rows as JSON Lines, streaming (the file is never held whole). */
export async function writeJsonLines(path: string, rows: Iterable<object>): Promise<number> {
  const file = createWriteStream(path, 'utf8');
  let written = 0;
  for (const row of rows) {
    if (!file.write(`${JSON.stringify(row)}\n`)) await once(file, 'drain');
    written += 1;
  }
  file.end();
  await once(file, 'finish');
  return written;
}
