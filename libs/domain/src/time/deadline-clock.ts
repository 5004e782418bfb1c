import { CalendarDate, daysBetween, endOfDayInstant, isCalendarDate } from './calendar-date';

/**
 * When a deadline's calendar due date falls due.
 *
 * LEGAL: at the end of the due date in Brussels (midnight, whatever the DST offset); the only clock of a real
 * trajectory. COMPRESSED: a test clock, in which every calendar day from `dayZero` lasts `msPerDay` milliseconds
 * counted from `dayZeroStartsAt`; a deadline due on `dayZero` falls due at `dayZeroStartsAt + msPerDay`. It lets a
 * test see a real timer fire seconds after it was set; the API refuses it unless the deployment enables test
 * clocks, which production's configuration cannot (apps/api/src/config/environment.ts).
 */
export type DeadlineClock =
  | { kind: 'LEGAL' }
  | { kind: 'COMPRESSED'; dayZero: CalendarDate; dayZeroStartsAt: number; msPerDay: number };

export const LEGAL_DEADLINE_CLOCK: DeadlineClock = { kind: 'LEGAL' };

/** Bounds of a compressed day: at least 10 ms (a timer per deadline), at most a real day. */
export const COMPRESSED_DAY_MS = { min: 10, max: 86_400_000 } as const;

/** The instant at which a deadline due on `dueOn` falls due on `clock`. */
export function dueInstant(dueOn: CalendarDate, clock: DeadlineClock = LEGAL_DEADLINE_CLOCK): number {
  if (clock.kind === 'LEGAL') return endOfDayInstant(dueOn);
  return clock.dayZeroStartsAt + (daysBetween(clock.dayZero, dueOn) + 1) * clock.msPerDay;
}

/** A compressed clock that starts now: today (`dayZero`) lasts `msPerDay` from `now`. */
export function compressedDeadlineClock(dayZero: CalendarDate, now: number, msPerDay: number): DeadlineClock {
  if (!isCalendarDate(dayZero)) throw new RangeError(`"${dayZero}" is not a calendar date`);
  if (!Number.isInteger(msPerDay) || msPerDay < COMPRESSED_DAY_MS.min || msPerDay > COMPRESSED_DAY_MS.max)
    throw new RangeError(
      `a compressed day lasts a whole number of milliseconds from ${COMPRESSED_DAY_MS.min} to ${COMPRESSED_DAY_MS.max}`,
    );
  return { kind: 'COMPRESSED', dayZero, dayZeroStartsAt: now, msPerDay };
}
