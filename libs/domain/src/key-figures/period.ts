import { CalendarDate, daysBetween } from '../time/calendar-date';

/** A period of calendar days, both ends included. */
export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

export function inPeriod(date: CalendarDate | null, period: Period): boolean {
  return date !== null && date >= period.from && date <= period.to;
}

/** The period's length in weeks (days / 7, both ends counted). */
export function weeksIn(period: Period): number {
  return (daysBetween(period.from, period.to) + 1) / 7;
}
