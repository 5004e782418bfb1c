import { addDays, CalendarDate } from '../time/calendar-date';
import type { TrajectoryPhase, TrajectoryStatus } from '../trajectory/state';

/** What a case asks of its counsellor, most urgent first: a group's rank is its index. */
export const ATTENTION_GROUPS = ['OVERDUE', 'DUE_SOON', 'WAITING_FOR_ME', 'ON_TRACK'] as const;
export type AttentionGroup = (typeof ATTENTION_GROUPS)[number];

/**
 * A deadline due within this many days (today included) puts a case in the caseload's "due soon" group (deadline
 * monitoring has its own windows: DUE_SOON_DAYS in deadlines/deadline-outcome.ts).
 */
export const CASELOAD_DUE_SOON_DAYS = 14;

/** The phases in which the counsellor's next step (intake, contract) is still to be recorded. */
export const WAITING_FOR_COUNSELLOR_PHASES = [
  'REGISTERED',
  'INTAKE_DONE',
] as const satisfies readonly TrajectoryPhase[];

/** What the attention group of a case in a caseload is decided on. */
export interface AttentionFacts {
  status: TrajectoryStatus;
  phase: TrajectoryPhase;
  missedDeadlines: number;
  openViolations: number;
  /** The earliest open deadline; a suspended trajectory's deadlines do not run, so it has none. */
  nextDeadline: { dueOn: string } | null;
}

/**
 * Overdue: a missed deadline, a violation file awaiting a decision, or the next deadline's last day passed.
 * Due soon: the next deadline within CASELOAD_DUE_SOON_DAYS of today. Waiting for me: an open trajectory whose
 * counsellor's next step (intake, contract) is still to be recorded. Otherwise on track. `today` is the day in
 * Brussels. The caseload query computes the same groups in SQL (libs/store/src/queries/caseload-attention.ts).
 */
export function attentionOf(facts: AttentionFacts, today: CalendarDate): AttentionGroup {
  const due = facts.nextDeadline?.dueOn;
  if (facts.missedDeadlines > 0 || facts.openViolations > 0 || (due !== undefined && due < today))
    return 'OVERDUE';
  if (due !== undefined && due <= addDays(today, CASELOAD_DUE_SOON_DAYS)) return 'DUE_SOON';
  if (isWaitingForCounsellor(facts)) return 'WAITING_FOR_ME';
  return 'ON_TRACK';
}

/** Whether an open trajectory's counsellor has the next step to record (intake, contract), whatever is due. */
export function isWaitingForCounsellor(facts: Pick<AttentionFacts, 'status' | 'phase'>): boolean {
  return (
    facts.status === 'OPEN' && (WAITING_FOR_COUNSELLOR_PHASES as readonly string[]).includes(facts.phase)
  );
}
