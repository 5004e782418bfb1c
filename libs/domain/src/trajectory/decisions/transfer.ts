import { AGENCIES, isAgency } from '../../agency';
import { agencyForNisCode } from '../../residence/municipality-area';
import { TransferTrajectory } from '../commands';
import { trajectoryEvent, TrajectoryTransferred } from '../events';
import { because } from '../rejection';
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
    return reject(because('UNKNOWN_AGENCY', { field: 'toAgency', agency: command.toAgency }, 'toAgency'));
  }
  if (command.toAgency === state.agency) {
    return reject(because('TRANSFER_TO_OWN_AGENCY', { agency: state.agency }, 'toAgency'));
  }
  if (command.nisCode === undefined) {
    return reject(because('TRANSFER_WITHOUT_NIS_CODE', {}, 'nisCode'));
  }
  const to = destinationOf(command);
  if ('code' in to) return reject(to);
  const owner = agencyForNisCode(command.nisCode);
  if (owner !== command.toAgency) {
    const where = { municipality: to.municipality, nisCode: to.nisCode ?? command.nisCode };
    return reject(
      owner
        ? because(
            'TRANSFER_INTO_OTHER_AGENCYS_AREA',
            { ...where, agencyName: AGENCIES[owner], toAgencyName: AGENCIES[command.toAgency] },
            'nisCode',
          )
        : because('TRANSFER_OUTSIDE_FLANDERS_AND_BRUSSELS', where, 'nisCode'),
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
