import { PolicyVersion } from '../policy/policy-versions';
import { addDays, addMonths, CalendarDate } from '../time/calendar-date';

/**
 * VDAB registration deadline: a newcomer registers with VDAB at intake or at the latest two months after
 * signing the contract (BBT 2020-2021 l.1203-1205; l.41-42). The anchor, the amount and its unit (months or
 * days) come from the trajectory's policy version. Returns undefined when the version has no such obligation or the anchor
 * event has not happened yet.
 */
export function vdabRegistrationDueDate(
  policy: PolicyVersion,
  anchors: { contractSignedOn?: CalendarDate; intakeOn?: CalendarDate },
): CalendarDate | undefined {
  const rule = policy.vdabRegistration;
  if (!rule) return undefined;
  const anchorDate = rule.anchor === 'CONTRACT_SIGNED' ? anchors.contractSignedOn : anchors.intakeOn;
  if (!anchorDate) return undefined;
  return rule.unit === 'DAYS' ? addDays(anchorDate, rule.amount) : addMonths(anchorDate, rule.amount);
}
