import type { CaseloadItem } from '../api/types';
import { daysBetween } from '../format/format';

/** What a case asks of its counsellor, most urgent first. */
export const ATTENTION_GROUPS = ['OVERDUE', 'DUE_SOON', 'WAITING_FOR_ME', 'ON_TRACK'] as const;
export type AttentionGroup = (typeof ATTENTION_GROUPS)[number];

/** A deadline due within this many days is "due soon". */
export const DUE_SOON_DAYS = 14;

/**
 * Overdue: a missed deadline, a violation file awaiting a decision, or the next deadline's last day passed.
 * Due soon: the next deadline within 14 days. Waiting for me: the counsellor's next step (intake, contract) is still
 * to be recorded. Otherwise on track.
 */
export function attentionOf(item: CaseloadItem, today: string): AttentionGroup {
  const due = item.nextDeadline?.dueOn;
  if (item.missedDeadlines > 0 || item.openViolations > 0 || (due !== undefined && due < today))
    return 'OVERDUE';
  if (due !== undefined && daysBetween(today, due) <= DUE_SOON_DAYS) return 'DUE_SOON';
  if (item.status === 'OPEN' && (item.phase === 'REGISTERED' || item.phase === 'INTAKE_DONE'))
    return 'WAITING_FOR_ME';
  return 'ON_TRACK';
}

/** Overdue first, then due soon, then waiting for me; within a group the earliest due date, then the oldest case. */
export function orderCaseload(
  items: readonly CaseloadItem[],
  today: string,
): (CaseloadItem & { attention: AttentionGroup })[] {
  return items
    .map((item) => ({ ...item, attention: attentionOf(item, today) }))
    .sort(
      (a, b) =>
        ATTENTION_GROUPS.indexOf(a.attention) - ATTENTION_GROUPS.indexOf(b.attention) ||
        compareOptional(a.nextDeadline?.dueOn, b.nextDeadline?.dueOn) ||
        a.registeredOn.localeCompare(b.registeredOn) ||
        `${a.familyName} ${a.givenName}`.localeCompare(`${b.familyName} ${b.givenName}`, 'nl') ||
        a.trajectoryId.localeCompare(b.trajectoryId),
    );
}

function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}
