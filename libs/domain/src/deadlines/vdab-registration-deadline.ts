import { PolicyVersion } from '../policy/policy-versions';
import { addMonths, CalendarDate } from '../time/calendar-date';

/**
 * VDAB registration deadline: a newcomer registers with VDAB at intake or at the latest two months after
 * signing the contract (seed 003 l.1203-1205; l.41-42). The anchor and the number of months come from the
 * trajectory's policy version. Returns undefined when the version has no such obligation or the anchor
 * event has not happened yet.
 */
export function vdabRegistrationDueDate(
  policy: PolicyVersion,
  anchors: { contractSignedOn?: CalendarDate; intakeOn?: CalendarDate },
): CalendarDate | undefined {
  const rule = policy.vdabRegistration;
  if (!rule) return undefined;
  const anchorDate = rule.anchor === 'CONTRACT_SIGNED' ? anchors.contractSignedOn : anchors.intakeOn;
  return anchorDate ? addMonths(anchorDate, rule.months) : undefined;
}
