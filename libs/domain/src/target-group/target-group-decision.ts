import { CalendarDate } from '../time/calendar-date';
import { ExemptionReason } from './exemption-reasons';
import { TargetGroupFact } from './target-group-facts';
import { TargetGroupRule } from './target-group-rules';

/**
 * OBLIGED, ENTITLED (voluntary), EXEMPT (from the obligation), UNDETERMINED (facts missing), and
 * NOT_IN_TARGET_GROUP for people the policy does not address at all (under 18, living in Wallonia, ...).
 */
export const TARGET_GROUP_STATUSES = [
  'OBLIGED',
  'ENTITLED',
  'EXEMPT',
  'UNDETERMINED',
  'NOT_IN_TARGET_GROUP',
] as const;

export type TargetGroupStatus = (typeof TARGET_GROUP_STATUSES)[number];

interface DecisionBase {
  referenceDate: CalendarDate;
  rule: TargetGroupRule;
}

export type TargetGroupDecision =
  | (DecisionBase & { status: 'OBLIGED'; obligationStartsOn: CalendarDate })
  | (DecisionBase & { status: 'ENTITLED' })
  | (DecisionBase & { status: 'EXEMPT'; exemptionReason: ExemptionReason })
  | (DecisionBase & { status: 'NOT_IN_TARGET_GROUP' })
  | (DecisionBase & { status: 'UNDETERMINED'; missingFacts: readonly TargetGroupFact[] });
