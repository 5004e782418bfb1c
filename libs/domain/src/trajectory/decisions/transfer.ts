import { isAgency } from '../../agency';
import { TransferTrajectory } from '../commands';
import { trajectoryEvent, TrajectoryTransferred } from '../events';
import { rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/** A case moves to another agency when the person moves (domain brief §1); it keeps its history. */
export function transferTrajectory(
  state: TrajectoryState,
  command: TransferTrajectory,
  { today, now }: DecisionTime,
): Decision {
  if (!isAgency(command.toAgency)) {
    return reject(rejection('INVALID_INPUT', `toAgency "${command.toAgency}" is unknown`, 'toAgency'));
  }
  if (command.toAgency === state.agency) {
    return reject(
      rejection('RULE_VIOLATION', `the trajectory is already owned by ${state.agency}`, 'toAgency'),
    );
  }
  const transferredOn = pastOrToday(command.transferredOn, 'transferredOn', today);
  if (isRejection(transferredOn)) return reject(transferredOn);
  if (transferredOn < state.registeredOn)
    return reject(tooEarly('transferredOn', state.registeredOn, 'the registration'));
  if (state.lastTransferredOn && transferredOn < state.lastTransferredOn)
    return reject(tooEarly('transferredOn', state.lastTransferredOn, 'the previous transfer'));
  return accept(
    trajectoryEvent<TrajectoryTransferred>(
      'TrajectoryTransferred',
      {
        fromAgency: state.agency,
        toAgency: command.toAgency,
        transferredOn,
        ...(command.counsellorId ? { counsellorId: command.counsellorId } : {}),
      },
      now,
    ),
  );
}
