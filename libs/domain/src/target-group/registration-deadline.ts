import {
  ParameterisedPolicyVersion,
  POLICY_VERSIONS,
  PolicyVersionId,
  policyVersionFor,
} from '../policy/policy-versions';
import { addMonths, CalendarDate } from '../time/calendar-date';

export interface RegistrationDeadline {
  obligationStartsOn: CalendarDate;
  dueOn: CalendarDate;
  policyVersion: PolicyVersionId;
  source: string;
}

/**
 * The last day on which an obliged newcomer must report (aanmelding) to an agency. No contract exists yet, so the
 * policy version is the one in force on the day the obligation starts. The months run from `anchorOn`: the
 * agency's registered letter (Verplichting tot inburgering §Aanmelden, docs/sources.md); the trajectory decides
 * without a letter, no deadline. Undefined before the first known version.
 */
export function registrationDeadline(
  obligationStartsOn: CalendarDate,
  versions: readonly ParameterisedPolicyVersion[] = POLICY_VERSIONS,
  anchorOn: CalendarDate = obligationStartsOn,
): RegistrationDeadline | undefined {
  const version = policyVersionFor(obligationStartsOn, versions);
  if (!version) return undefined;
  const rule = version.parameters.agencyRegistration;
  return {
    obligationStartsOn,
    dueOn: addMonths(anchorOn, rule.months),
    policyVersion: version.id,
    source: rule.source,
  };
}
