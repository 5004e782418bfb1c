import { CalendarDate, isCalendarDate } from '../../time/calendar-date';
import { TrajectoryEvent } from '../events';
import { Rejection } from '../rejection';

export type Decision =
  { accepted: true; events: TrajectoryEvent[] } | { accepted: false; rejection: Rejection };

export interface DecisionContext {
  /** The current instant (epoch ms); in a workflow this is workflow time. */
  now: number;
  /**
   * Only for replaying a workflow history recorded before test results carried a certificate number: the
   * number is then neither required with a pass nor refused with a fail (the rules as they were).
   */
  withoutCertificateNumbers?: boolean;
}

/** The moment a decision is taken: the instant, and the calendar date it is in Brussels. */
export interface DecisionTime {
  now: number;
  today: CalendarDate;
  withoutCertificateNumbers?: boolean;
}

export function accept(...events: TrajectoryEvent[]): Decision {
  return { accepted: true, events };
}

export function reject(reason: Rejection): Decision {
  return { accepted: false, rejection: reason };
}

/** A date that has happened: a valid calendar date, not after today. */
export function pastOrToday(
  value: string | undefined,
  field: string,
  today: CalendarDate,
): CalendarDate | Rejection {
  if (!isCalendarDate(value))
    return { code: 'INVALID_INPUT', message: `${field} must be a date (YYYY-MM-DD)`, field };
  if (value > today)
    return {
      code: 'RULE_VIOLATION',
      message: `${field} ${value} is in the future (today is ${today})`,
      field,
    };
  return value;
}

/** A date before an earlier fact of the trajectory it must follow, e.g. an intake before the registration. */
export function tooEarly(field: string, earliest: CalendarDate, what: string): Rejection {
  return { code: 'RULE_VIOLATION', message: `${field} must not be before ${what} on ${earliest}`, field };
}

/** `pastOrToday` returns a date string or a rejection object; `'code' in` would throw on the string. */
export function isRejection(value: CalendarDate | Rejection): value is Rejection {
  return typeof value !== 'string';
}
