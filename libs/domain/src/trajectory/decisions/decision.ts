import { CalendarDate, isCalendarDate } from '../../time/calendar-date';
import { TrajectoryEvent } from '../events';
import { because, Rejection } from '../rejection';

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
  if (!isCalendarDate(value)) return because('NOT_A_DATE', { field }, field);
  if (value > today) return because('DATE_IN_FUTURE', { field, date: value, today }, field);
  return value;
}

/** The earlier facts of a trajectory that a date must not precede, each a reason of its own. */
const BEFORE = {
  registration: 'BEFORE_REGISTRATION',
  intake: 'BEFORE_INTAKE',
  contract: 'BEFORE_CONTRACT',
  attest: 'BEFORE_ATTEST',
  suspension: 'BEFORE_SUSPENSION',
  enrolment: 'BEFORE_ENROLMENT',
  referral: 'BEFORE_REFERRAL',
  transferToAgency: 'BEFORE_TRANSFER_TO_AGENCY',
  previousTransfer: 'BEFORE_PREVIOUS_TRANSFER',
  previousMove: 'BEFORE_PREVIOUS_MOVE',
} as const;

export type EarlierFact = keyof typeof BEFORE;

/** A date before an earlier fact of the trajectory it must follow, e.g. an intake before the registration. */
export function tooEarly(field: string, earliest: CalendarDate, fact: EarlierFact): Rejection {
  return because(BEFORE[fact], { field, earliest }, field);
}

/** `pastOrToday` returns a date string or a rejection object; `'code' in` would throw on the string. */
export function isRejection(value: CalendarDate | Rejection): value is Rejection {
  return typeof value !== 'string';
}
