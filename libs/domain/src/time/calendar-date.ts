import { DateTime } from 'luxon';

/**
 * Legal deadlines are calendar dates in Brussels, not instants.
 * A CalendarDate is an ISO date string, e.g. "2026-02-28"; ordering by string comparison is chronological.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

export const LEGAL_TIME_ZONE = 'Europe/Brussels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day of the proleptic Gregorian calendar, checked by arithmetic (it is on every path that reads a date). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function calendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RangeError(`"${value}" is not a calendar date (expected YYYY-MM-DD)`);
  }
  return value;
}

/** Adds whole months; a day that does not exist in the target month becomes its last day (31 Dec + 2 months = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const target = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12 + 1;
  return fromDayNumber(
    dayNumberOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))),
  );
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant a deadline due on `date` expires: the start of the next day in Brussels, whatever the DST offset. */
export function endOfDayInstant(date: CalendarDate): number {
  return fromCalendarDate(date).plus({ days: 1 }).startOf('day').toMillis();
}

/** The calendar date in Brussels at an instant (epoch milliseconds). */
export function calendarDateAt(epochMillis: number): CalendarDate {
  // Kept per hour (UTC): a batch of decisions taken at one instant asks for the same day again and again, and a
  // rebuild asks for the day of every violation file (a zoned DateTime each took most of the key figures' mapping).
  const hour = Math.floor(epochMillis / HOUR_MILLIS);
  const known = datesByHour.get(hour);
  if (known !== undefined) return known;
  const start = DateTime.fromMillis(hour * HOUR_MILLIS, { zone: LEGAL_TIME_ZONE });
  const end = DateTime.fromMillis((hour + 1) * HOUR_MILLIS - 1, { zone: LEGAL_TIME_ZONE });
  // An hour holds one calendar day when the zone's offset is whole hours and the same all through it (always, for
  // Brussels since 1892); otherwise the instant's own day is answered and not kept.
  if (start.offset % 60 !== 0 || end.offset !== start.offset)
    return toCalendarDate(DateTime.fromMillis(epochMillis, { zone: LEGAL_TIME_ZONE }));
  if (datesByHour.size >= KEPT_HOURS) datesByHour.clear();
  const date = toCalendarDate(start);
  datesByHour.set(hour, date);
  return date;
}

const HOUR_MILLIS = 3_600_000;
/** About eleven years of hours at most: a bounded memory. */
const KEPT_HOURS = 100_000;
const datesByHour = new Map<number, CalendarDate>();

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

/*
 * Calendar arithmetic is done on day numbers (days since 1970-01-01) rather than in the Brussels zone: a calendar
 * date has no time of day, so the zone's offsets and DST changes cannot move it, and the rebuild folds millions of
 * events through these functions (a zoned DateTime per call was most of a fold's time).
 */
const DAY_MILLIS = 86_400_000;

function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function dayNumber(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return dayNumberOf(year, month, day);
}

function dayNumberOf(year: number, month: number, day: number): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are
  return Math.round(instant.getTime() / DAY_MILLIS);
}

function fromDayNumber(days: number): CalendarDate {
  return new Date(days * DAY_MILLIS).toISOString().slice(0, 10) as CalendarDate;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
