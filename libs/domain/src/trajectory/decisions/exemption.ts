import { ageOn } from '../../target-group/age';
import {
  EXEMPTION_REASON_CODES,
  EXEMPTION_REASONS,
  isExemptionReason,
} from '../../target-group/exemption-reasons';
import { TARGET_GROUP_LIMITS } from '../../target-group/target-group-rules';
import { GrantExemption } from '../commands';
import { DeadlineWaived, ExemptionGranted, TrajectoryEvent, trajectoryEvent } from '../events';
import { rejection } from '../rejection';
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
      rejection('INVALID_INPUT', `reason must be one of ${EXEMPTION_REASON_CODES.join(', ')}`, 'reason'),
    );
  }
  const grantedOn = pastOrToday(command.grantedOn, 'grantedOn', today);
  if (isRejection(grantedOn)) return reject(grantedOn);
  if (grantedOn < state.registeredOn)
    return reject(tooEarly('grantedOn', state.registeredOn, 'the registration'));
  if (!state.targetGroup) {
    return reject(
      rejection(
        'INVALID_STATE',
        'no target group was derived yet; record the facts first (an exemption known then is one of them)',
      ),
    );
  }
  const exemption = state.targetGroup.exemption;
  if (exemption)
    return reject(
      rejection(
        'INVALID_STATE',
        `an exemption was already granted on ${exemption.grantedOn} (${exemption.reason})`,
      ),
    );
  if (effectiveTargetGroup(state) === 'EXEMPT')
    return reject(rejection('INVALID_STATE', 'the newcomer is already exempt'));
  if (command.reason === 'AGED_65_OR_OLDER') {
    const age = ageOn(state.newcomer.birthDate, grantedOn);
    if (age < TARGET_GROUP_LIMITS.exemptionAge) {
      return reject(
        rejection(
          'RULE_VIOLATION',
          `the newcomer is ${age} on ${grantedOn}; AGED_65_OR_OLDER needs ${TARGET_GROUP_LIMITS.exemptionAge} or older`,
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
