import { CalendarDate } from '../time/calendar-date';
import { ExemptionReason } from './exemption-reasons';
import { TargetGroupDecision } from './target-group-decision';

/** A status a counsellor records by hand; UNDETERMINED is never recorded. */
export type RecordedTargetGroupStatus =
  | { status: 'OBLIGED'; obligationStartsOn: CalendarDate }
  | { status: 'ENTITLED' }
  | { status: 'EXEMPT'; exemptionReason: ExemptionReason }
  | { status: 'NOT_IN_TARGET_GROUP' };

/** A counsellor's status that differs from the derived one. Both are kept: the derived one is never edited. */
export interface TargetGroupOverride {
  derived: TargetGroupDecision;
  recorded: RecordedTargetGroupStatus;
  reason: string;
}

/** Throws a RangeError when the reason is blank or the recorded status is the derived one. */
export function recordTargetGroupOverride(
  derived: TargetGroupDecision,
  recorded: RecordedTargetGroupStatus,
  reason: string,
): TargetGroupOverride {
  const trimmed = reason.trim();
  if (trimmed === '') throw new RangeError('overriding the derived target-group status requires a reason');
  if (sameStatus(derived, recorded)) {
    throw new RangeError(`the derived target-group status is already ${describe(recorded)}`);
  }
  return { derived, recorded, reason: trimmed };
}

/** Whether the recorded status is the derived one (never so for an UNDETERMINED derivation). */
export function sameStatus(derived: TargetGroupDecision, recorded: RecordedTargetGroupStatus): boolean {
  return derived.status !== 'UNDETERMINED' && describe(derived) === describe(recorded);
}

function describe(status: TargetGroupDecision | RecordedTargetGroupStatus): string {
  switch (status.status) {
    case 'OBLIGED':
      return `OBLIGED from ${status.obligationStartsOn}`;
    case 'EXEMPT':
      return `EXEMPT (${status.exemptionReason})`;
    default:
      return status.status;
  }
}
