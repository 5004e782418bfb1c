import { addDays, CalendarDate } from '../time/calendar-date';
import type { DeadlineState } from '../trajectory/events';
import { isEmploymentRegistration } from '../trajectory/events';
import type { Deadline, TrajectoryState } from '../trajectory/state';

/**
 * Deadline monitoring (issue 9 §1): where every deadline stands on a day, for the managers' dashboard of key
 * indicators (BBT 2020-2021 l.1396-1398: "een dashboard met een aantal kernindicatoren"; the VDAB deadline exists
 * because only half of the contract signers were known to VDAB, l.1197). Each bucket is defined here once; the
 * store's monitoring queries (libs/store/src/queries/deadline-monitoring.ts) are the same conditions in SQL, over the
 * columns the deadlines projection writes from these functions.
 */

/** The buckets of the monitoring dashboard, in the order it shows them. */
export const DEADLINE_BUCKETS = ['overdue', 'dueWithin7', 'dueWithin30', 'metLate', 'metOnTime'] as const;
export type DeadlineBucket = (typeof DEADLINE_BUCKETS)[number];

/** "Due within 7 days" and "due within 30 days": the due date lies in [asOn, asOn + N days]. */
export const DUE_SOON_DAYS = { dueWithin7: 7, dueWithin30: 30 } as const;

/**
 * Deadlines that run: a suspended deadline's due date will move by the suspended days (so it is not overdue
 * while the suspension lasts), and a waived one (closure, an exemption granted later) no longer applies. Both
 * are left out of overdue, due soon and the trend's "falling due" and "missed"; a deadline fulfilled before it
 * was suspended or waived cannot be, so none is lost from "met".
 */
export const RUNNING_DEADLINE_STATES: readonly DeadlineState[] = ['OPEN', 'MET', 'MISSED'];

/**
 * The day the obligation behind a deadline was fulfilled, on time or late; undefined while it is not.
 * - MET: the day it was met (always on or before the due date: the rules meet a deadline only in time).
 * - MISSED, then fulfilled late: the rules record no DeadlineMet after the due date, but the fact arrives all the
 *   same: the VDAB/Actiris registration (its date, when after the due date), the registration with the agency
 *   (the trajectory's registration date: a missed agency-registration deadline means the newcomer registered
 *   after it), the B1 oral result of the follow-up track (its completion date).
 */
export function fulfilledOn(
  state: Pick<TrajectoryState, 'registeredOn' | 'vdabRegistration' | 'followUp'>,
  deadline: Pick<Deadline, 'kind' | 'state' | 'dueOn' | 'metOn'>,
): CalendarDate | undefined {
  if (deadline.state === 'MET') return deadline.metOn;
  if (deadline.state !== 'MISSED') return undefined;
  const late = lateFulfilmentOf(state, deadline.kind);
  return late !== undefined && late > deadline.dueOn ? late : undefined;
}

function lateFulfilmentOf(
  state: Pick<TrajectoryState, 'registeredOn' | 'vdabRegistration' | 'followUp'>,
  kind: Deadline['kind'],
): CalendarDate | undefined {
  if (isEmploymentRegistration(kind)) return state.vdabRegistration?.registeredOn;
  switch (kind) {
    case 'AGENCY_REGISTRATION':
      return state.registeredOn;
    case 'FOLLOW_UP_B1_ORAL':
      return state.followUp?.completedOn;
    default:
      return undefined;
  }
}

/** What the monitoring needs of a deadline: its state, due date and the day it was fulfilled (if it was). */
export interface MonitoredDeadline {
  state: DeadlineState;
  dueOn: CalendarDate;
  fulfilledOn?: CalendarDate | null;
}

/**
 * The buckets a deadline falls in on day `asOn` (Europe/Brussels; the dashboard's default is today):
 * - `metOnTime`: fulfilled on or before its due date, on or before asOn;
 * - `metLate`: fulfilled after its due date ("met late" = met after its due date), on or before asOn;
 * - `overdue`: running (not suspended, not waived), not fulfilled by asOn, and its due date before asOn (a deadline
 *   expires when its last day ends, so one due on asOn is not overdue yet);
 * - `dueWithin7` / `dueWithin30`: running, not fulfilled by asOn, due on asOn or in the next 7 / 30 days. The
 *   30-day bucket includes the 7-day one.
 * A fulfilment after asOn counts as not fulfilled yet on asOn. States other than met (suspended, waived) are the
 * deadline's state now: for the state as it was on a past date see the as-of figures.
 */
export function deadlineBuckets(deadline: MonitoredDeadline, asOn: CalendarDate): DeadlineBucket[] {
  const fulfilled = deadline.fulfilledOn ?? undefined;
  if (fulfilled !== undefined && fulfilled <= asOn) {
    return [fulfilled <= deadline.dueOn ? 'metOnTime' : 'metLate'];
  }
  if (!RUNNING_DEADLINE_STATES.includes(deadline.state)) return [];
  if (deadline.dueOn < asOn) return ['overdue'];
  const buckets: DeadlineBucket[] = [];
  if (deadline.dueOn <= addDays(asOn, DUE_SOON_DAYS.dueWithin7)) buckets.push('dueWithin7');
  if (deadline.dueOn <= addDays(asOn, DUE_SOON_DAYS.dueWithin30)) buckets.push('dueWithin30');
  return buckets;
}

/**
 * Where a deadline stands as known now, whatever the reference day: fulfilled on time, fulfilled late, missed and
 * not fulfilled since, or running and not fulfilled otherwise (open); suspended and waived unfulfilled ones stand
 * nowhere. The buckets on a day `asOn` follow from it and the dates (`deadlineBuckets`): one fulfilled on or before
 * asOn is in the met bucket of its standing, and a missed one is overdue once asOn is past its due date (the day it
 * was missed). So the monitoring keeps counts per standing and corrects only the deadlines whose dates lie near or
 * after asOn.
 */
export type DeadlineStanding =
  'FULFILLED_ON_TIME' | 'FULFILLED_LATE' | 'MISSED_UNFULFILLED' | 'RUNNING_UNFULFILLED';

export function deadlineStanding(deadline: MonitoredDeadline): DeadlineStanding | undefined {
  const fulfilled = deadline.fulfilledOn ?? undefined;
  if (fulfilled !== undefined) return fulfilled <= deadline.dueOn ? 'FULFILLED_ON_TIME' : 'FULFILLED_LATE';
  if (deadline.state === 'MISSED') return 'MISSED_UNFULFILLED';
  return RUNNING_DEADLINE_STATES.includes(deadline.state) ? 'RUNNING_UNFULFILLED' : undefined;
}

/** A week's outcome of the deadlines falling due in it (the trend's cohort is the ISO week of the due date). */
export type WeeklyOutcome = 'metOnTime' | 'metLate' | 'missed' | 'pending';

/**
 * How a running deadline that fell due in a week turned out, as known on `asOn`: met on time, met late, missed (its
 * due date has passed and it is not fulfilled by asOn), or pending (due on asOn or later, not fulfilled yet).
 * Suspended and waived deadlines did not fall due (undefined). So per week: fallingDue = metOnTime + metLate +
 * missed + pending.
 */
export function weeklyOutcome(deadline: MonitoredDeadline, asOn: CalendarDate): WeeklyOutcome | undefined {
  const fulfilled = deadline.fulfilledOn ?? undefined;
  if (fulfilled !== undefined && fulfilled <= asOn) {
    return fulfilled <= deadline.dueOn ? 'metOnTime' : 'metLate';
  }
  if (!RUNNING_DEADLINE_STATES.includes(deadline.state)) return undefined;
  return deadline.dueOn < asOn ? 'missed' : 'pending';
}

/** The Monday of the ISO week a date lies in (ISO 8601 weeks start on Monday). */
export function isoWeekStart(date: CalendarDate): CalendarDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The ISO week of a date as `YYYY-Www` (the ISO week-numbering year, which can differ from the calendar year). */
export function isoWeekLabel(date: CalendarDate): string {
  const thursday = new Date(`${addDays(isoWeekStart(date), 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeekStart = isoWeekStart(firstThursdayOf(year));
  const week =
    Math.round(
      (Date.parse(`${isoWeekStart(date)}T00:00:00Z`) - Date.parse(`${firstThursdayWeekStart}T00:00:00Z`)) /
        (7 * 86_400_000),
    ) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function firstThursdayOf(year: number): CalendarDate {
  const january4 = `${year}-01-04` as CalendarDate; // 4 January always lies in week 1
  return addDays(isoWeekStart(january4), 3);
}
