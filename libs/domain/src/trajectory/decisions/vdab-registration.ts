import { RecordVdabRegistration } from '../commands';
import {
  DeadlineMet,
  TrajectoryEvent,
  trajectoryEvent,
  VdabRegistrationRecorded,
  ViolationWithdrawn,
  isEmploymentRegistration,
} from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';

export function recordVdabRegistration(
  state: TrajectoryState,
  command: RecordVdabRegistration,
  { today, now }: DecisionTime,
): Decision {
  if (state.vdabRegistration) {
    return reject(
      because('VDAB_REGISTRATION_ALREADY_RECORDED', {
        registeredOn: state.vdabRegistration.registeredOn,
        vdabClientReference: state.vdabRegistration.vdabClientReference,
      }),
    );
  }
  const registeredOn = pastOrToday(command.registeredOn, 'registeredOn', today);
  if (isRejection(registeredOn)) return reject(registeredOn);
  const vdabClientReference = command.vdabClientReference?.trim();
  if (!vdabClientReference)
    return reject(because('MUST_NOT_BE_EMPTY', { field: 'vdabClientReference' }, 'vdabClientReference'));
  const events: TrajectoryEvent[] = [
    trajectoryEvent<VdabRegistrationRecorded>(
      'VdabRegistrationRecorded',
      { registeredOn, vdabClientReference },
      now,
    ),
  ];
  const deadline = state.deadlines.find(
    (candidate) =>
      isEmploymentRegistration(candidate.kind) && candidate.state !== 'MET' && candidate.state !== 'WAIVED',
  );
  if (deadline && registeredOn <= deadline.dueOn) {
    events.push(
      trajectoryEvent<DeadlineMet>(
        'DeadlineMet',
        { deadlineId: deadline.deadlineId, kind: deadline.kind, metOn: registeredOn },
        now,
      ),
    );
    if (deadline.state === 'MISSED')
      events.push(...withdrawViolationsOf(state, deadline.deadlineId, registeredOn, deadline.dueOn, now));
  }
  return { accepted: true, events };
}

/**
 * The registration was made in time but reached the agency after the deadline had been marked missed (VDAB
 * data arrives late: BBT 2020-2021 l.1197). The deadline is met after all, and a violation file still awaiting the
 * enforcement officer is withdrawn; one already decided stays, as the officer's decision is a legal act of its own.
 */
function withdrawViolationsOf(
  state: TrajectoryState,
  deadlineId: string,
  registeredOn: string,
  dueOn: string,
  now: number,
): TrajectoryEvent[] {
  return state.violations
    .filter((violation) => violation.deadlineId === deadlineId && violation.state === 'OPEN')
    .map((violation) =>
      trajectoryEvent<ViolationWithdrawn>(
        'ViolationWithdrawn',
        {
          violationId: violation.violationId,
          reason: `VDAB registration on ${registeredOn}, within the deadline of ${dueOn}, was recorded after the deadline was marked missed`,
        },
        now,
      ),
    );
}

export function vdabDeadlineId(state: Pick<TrajectoryState, 'trajectoryId'>): string {
  return `${state.trajectoryId}:VDAB_REGISTRATION`;
}
