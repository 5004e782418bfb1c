import { ageOn } from '../../target-group/age';
import {
  EXEMPTION_REASON_CODES,
  EXEMPTION_REASONS,
  isExemptionReason,
} from '../../target-group/exemption-reasons';
import { TARGET_GROUP_LIMITS } from '../../target-group/target-group-rules';
import { GrantExemption } from '../commands';
import { DeadlineWaived, ExemptionGranted, TrajectoryEvent, trajectoryEvent } from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';
import { effectiveTargetGroup } from './target-group';

/**
 * An exemption granted later (domain brief §3): from `grantedOn` the newcomer is EXEMPT, whatever was derived
 * or recorded before, and the deadlines still running (open or suspended) are waived, so no timer opens a
 * violation file any more. Files already open stay with the enforcement officer. The trajectory itself stays
 * open: an exempt newcomer may go on voluntarily (Actieplan integratiebeleid l.969-977), or the counsellor closes it.
 */
export function grantExemption(
  state: TrajectoryState,
  command: GrantExemption,
  { today, now }: DecisionTime,
): Decision {
  if (!isExemptionReason(command.reason)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'reason', allowed: EXEMPTION_REASON_CODES.join(', ') }, 'reason'),
    );
  }
  const grantedOn = pastOrToday(command.grantedOn, 'grantedOn', today);
  if (isRejection(grantedOn)) return reject(grantedOn);
  if (grantedOn < state.registeredOn)
    return reject(tooEarly('grantedOn', state.registeredOn, 'registration'));
  if (!state.targetGroup) {
    return reject(because('EXEMPTION_WITHOUT_TARGET_GROUP'));
  }
  const exemption = state.targetGroup.exemption;
  if (exemption)
    return reject(
      because('EXEMPTION_ALREADY_GRANTED', {
        grantedOn: exemption.grantedOn,
        exemptionReason: exemption.reason,
      }),
    );
  if (effectiveTargetGroup(state) === 'EXEMPT') return reject(because('EXEMPTION_ALREADY_EXEMPT'));
  if (command.reason === 'AGED_65_OR_OLDER') {
    const age = ageOn(state.newcomer.birthDate, grantedOn);
    if (age < TARGET_GROUP_LIMITS.exemptionAge) {
      return reject(
        because(
          'EXEMPTION_UNDER_AGE_65',
          { age, grantedOn, exemptionAge: TARGET_GROUP_LIMITS.exemptionAge },
          'reason',
        ),
      );
    }
  }
  const explanation = command.explanation?.trim();
  const events: TrajectoryEvent[] = [
    trajectoryEvent<ExemptionGranted>(
      'ExemptionGranted',
      {
        reason: command.reason,
        grantedOn,
        source: EXEMPTION_REASONS[command.reason],
        ...(explanation ? { explanation } : {}),
      },
      now,
    ),
  ];
  for (const deadline of state.deadlines.filter(
    (candidate) => candidate.state === 'OPEN' || candidate.state === 'SUSPENDED',
  )) {
    events.push(
      trajectoryEvent<DeadlineWaived>(
        'DeadlineWaived',
        {
          deadlineId: deadline.deadlineId,
          kind: deadline.kind,
          reason: `exempt from ${grantedOn}: ${command.reason}`,
        },
        now,
      ),
    );
  }
  return accept(...events);
}
