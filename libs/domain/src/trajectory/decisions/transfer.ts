import { AGENCIES, isAgency } from '../../agency';
import { agencyForNisCode } from '../../residence/municipality-area';
import { TransferTrajectory } from '../commands';
import { trajectoryEvent, TrajectoryTransferred } from '../events';
import { rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, reject } from './decision';
import { destinationOf, moveDate, moveEvents } from './move';

/**
 * A case moves to another agency when the person moves into its area (Atlas: Antwerpen; IN-Gent: Gent; the
 * Agentschap Integratie en Inburgering: the rest of Flanders and Brussels). It keeps its history; the new
 * municipality is recorded and must lie in the receiving agency's area, and a move to Brussels ends the obligation.
 */
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
  if (command.nisCode === undefined) {
    return reject(
      rejection('INVALID_INPUT', 'nisCode of the new municipality is required for a transfer', 'nisCode'),
    );
  }
  const to = destinationOf(command);
  if ('code' in to) return reject(to);
  const owner = agencyForNisCode(command.nisCode);
  if (owner !== command.toAgency) {
    return reject(
      rejection(
        'RULE_VIOLATION',
        owner
          ? `${to.municipality} (${to.nisCode}) lies in the area of ${AGENCIES[owner]}, not of ${AGENCIES[command.toAgency]}`
          : `${to.municipality} (${to.nisCode}) lies outside Flanders and Brussels: no agency takes the trajectory over; record the move instead`,
        'nisCode',
      ),
    );
  }
  const transferredOn = moveDate(state, command.transferredOn, 'transferredOn', today);
  if (isRejection(transferredOn)) return reject(transferredOn);
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
    ...moveEvents(state, to, transferredOn, now),
  );
}
