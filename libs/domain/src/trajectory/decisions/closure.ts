import { CloseTrajectory, CLOSURE_REASONS } from '../commands';
import { TrajectoryClosed, trajectoryEvent } from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

export function closeTrajectory(
  state: TrajectoryState,
  command: CloseTrajectory,
  { today, now }: DecisionTime,
): Decision {
  if (!CLOSURE_REASONS.includes(command.reason)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'reason', allowed: CLOSURE_REASONS.join(', ') }, 'reason'),
    );
  }
  const closedOn = pastOrToday(command.closedOn, 'closedOn', today);
  if (isRejection(closedOn)) return reject(closedOn);
  if (closedOn < state.registeredOn) return reject(tooEarly('closedOn', state.registeredOn, 'registration'));
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
