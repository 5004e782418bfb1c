import { ReassignCounsellor } from '../commands';
import { CounsellorReassigned, trajectoryEvent } from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/** Counsellor ids are account names of the identity provider: short, no spaces. */
export const COUNSELLOR_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/**
 * A team lead hands an active case to another counsellor of the same agency (issue 9 §1: "a team lead reassigns
 * cases between counsellors"). The agency stays: a case changes agency only by a transfer. A closed trajectory is
 * refused before this decision runs (decide: only a fine decision is recorded after closure); a suspended one and one
 * in its follow-up track still have a counsellor and may be reassigned. The target must differ from the counsellor
 * the case has now; the date is a past or present day not before the registration (nor the last transfer).
 */
export function reassignCounsellor(
  state: TrajectoryState,
  command: ReassignCounsellor,
  { today, now }: DecisionTime,
): Decision {
  const toCounsellorId = typeof command.toCounsellorId === 'string' ? command.toCounsellorId.trim() : '';
  if (!COUNSELLOR_ID.test(toCounsellorId)) {
    return reject(because('NOT_A_COUNSELLOR_ID', {}, 'toCounsellorId'));
  }
  if (toCounsellorId === state.counsellorId) {
    return reject(
      because('ALREADY_ASSIGNED_TO_COUNSELLOR', { counsellorId: toCounsellorId }, 'toCounsellorId'),
    );
  }
  const reassignedOn = pastOrToday(command.reassignedOn ?? today, 'reassignedOn', today);
  if (isRejection(reassignedOn)) return reject(reassignedOn);
  if (reassignedOn < state.registeredOn) {
    return reject(tooEarly('reassignedOn', state.registeredOn, 'registration'));
  }
  if (state.lastTransferredOn !== undefined && reassignedOn < state.lastTransferredOn) {
    return reject(tooEarly('reassignedOn', state.lastTransferredOn, 'transferToAgency'));
  }
  return accept(
    trajectoryEvent<CounsellorReassigned>(
      'CounsellorReassigned',
      {
        ...(state.counsellorId === undefined ? {} : { fromCounsellorId: state.counsellorId }),
        toCounsellorId,
        reassignedOn,
      },
      now,
    ),
  );
}
