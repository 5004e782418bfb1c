import { CloseTrajectory, CLOSURE_REASONS } from '../commands';
import { TrajectoryClosed, trajectoryEvent } from '../events';
import { rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

export function closeTrajectory(
  state: TrajectoryState,
  command: CloseTrajectory,
  { today, now }: DecisionTime,
): Decision {
  if (!CLOSURE_REASONS.includes(command.reason)) {
    return reject(
      rejection('INVALID_INPUT', `reason must be one of ${CLOSURE_REASONS.join(', ')}`, 'reason'),
    );
  }
  const closedOn = pastOrToday(command.closedOn, 'closedOn', today);
  if (isRejection(closedOn)) return reject(closedOn);
  if (closedOn < state.registeredOn)
    return reject(tooEarly('closedOn', state.registeredOn, 'the registration'));
  return accept(
    trajectoryEvent<TrajectoryClosed>(
      'TrajectoryClosed',
      {
        reason: command.reason,
        closedOn,
        ...(command.explanation ? { explanation: command.explanation } : {}),
      },
      now,
    ),
  );
}
