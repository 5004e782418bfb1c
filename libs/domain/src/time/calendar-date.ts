import { DateTime } from 'luxon';

/**
 * Legal deadlines are calendar dates in Brussels, not instants.
 * A CalendarDate is an ISO date string, e.g. "2026-02-28"; ordering by string comparison is chronological.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

export const LEGAL_TIME_ZONE = 'Europe/Brussels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  return (
    typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

export function calendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RangeError(`"${value}" is not a calendar date (expected YYYY-MM-DD)`);
  }
  return value;
}

/** Adds whole months; a day that does not exist in the target month becomes its last day (31 Dec + 2 months = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return toCalendarDate(fromCalendarDate(date).plus({ months }));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  // Whole days on the calendar, without a time zone: the same as in Brussels (midnight always exists there), and
  // tens of times quicker than a zoned DateTime, which matters to the simulations that plan thousands of days.
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10) as CalendarDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

const DAY_MS = 86_400_000;

/** The instant a deadline due on `date` expires: the start of the next day in Brussels, whatever the DST offset. */
export function endOfDayInstant(date: CalendarDate): number {
  return fromCalendarDate(date).plus({ days: 1 }).startOf('day').toMillis();
}

/** The calendar date in Brussels at an instant (epoch milliseconds). */
export function calendarDateAt(epochMillis: number): CalendarDate {
  return toCalendarDate(DateTime.fromMillis(epochMillis, { zone: LEGAL_TIME_ZONE }));
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a > b;
}

function fromCalendarDate(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: LEGAL_TIME_ZONE });
}

function toCalendarDate(dateTime: DateTime): CalendarDate {
  return dateTime.toISODate() as CalendarDate;
}
