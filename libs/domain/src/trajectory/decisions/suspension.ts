import { addDays, daysBetween } from '../../time/calendar-date';
import { ResumeTrajectory, SUSPENSION_REASONS, SuspendTrajectory } from '../commands';
import {
  DeadlineMet,
  DeadlineMoved,
  TrajectoryEvent,
  trajectoryEvent,
  TrajectoryResumed,
  TrajectorySuspended,
  isEmploymentRegistration,
} from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/**
 * Suspension (opschorting) for illness, pregnancy, ...: the deadlines still running stop, and on resumption
 * they move by the number of days the trajectory was suspended (domain brief §3, "events at any point").
 */
export function suspendTrajectory(
  state: TrajectoryState,
  command: SuspendTrajectory,
  { today, now }: DecisionTime,
): Decision {
  if (state.suspension) {
    return reject(because('TRAJECTORY_ALREADY_SUSPENDED', { suspendedFrom: state.suspension.suspendedFrom }));
  }
  if (!SUSPENSION_REASONS.includes(command.reason)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'reason', allowed: SUSPENSION_REASONS.join(', ') }, 'reason'),
    );
  }
  const suspendedFrom = pastOrToday(command.suspendedFrom, 'suspendedFrom', today);
  if (isRejection(suspendedFrom)) return reject(suspendedFrom);
  if (suspendedFrom < state.registeredOn)
    return reject(tooEarly('suspendedFrom', state.registeredOn, 'registration'));
  return accept(
    trajectoryEvent<TrajectorySuspended>(
      'TrajectorySuspended',
      {
        reason: command.reason,
        suspendedFrom,
        ...(command.explanation ? { explanation: command.explanation } : {}),
      },
      now,
    ),
  );
}

export function resumeTrajectory(
  state: TrajectoryState,
  command: ResumeTrajectory,
  { today, now }: DecisionTime,
): Decision {
  if (!state.suspension) return reject(because('TRAJECTORY_NOT_SUSPENDED'));
  const { suspendedFrom } = state.suspension;
  const resumedOn = pastOrToday(command.resumedOn, 'resumedOn', today);
  if (isRejection(resumedOn)) return reject(resumedOn);
  if (resumedOn < suspendedFrom) return reject(tooEarly('resumedOn', suspendedFrom, 'suspension'));
  const suspendedDays = daysBetween(suspendedFrom, resumedOn);
  const events: TrajectoryEvent[] = [
    trajectoryEvent<TrajectoryResumed>('TrajectoryResumed', { suspendedFrom, resumedOn, suspendedDays }, now),
  ];
  if (suspendedDays > 0) {
    for (const deadline of state.deadlines.filter((candidate) => candidate.state === 'SUSPENDED')) {
      const dueOn = addDays(deadline.dueOn, suspendedDays);
      events.push(
        trajectoryEvent<DeadlineMoved>(
          'DeadlineMoved',
          {
            deadlineId: deadline.deadlineId,
            kind: deadline.kind,
            previousDueOn: deadline.dueOn,
            dueOn,
            reason: 'SUSPENSION',
          },
          now,
        ),
      );
      // A VDAB registration recorded during the suspension after the old due date is in time for the moved one.
      const registeredOn = state.vdabRegistration?.registeredOn;
      if (isEmploymentRegistration(deadline.kind) && registeredOn !== undefined && registeredOn <= dueOn) {
        events.push(
          trajectoryEvent<DeadlineMet>(
            'DeadlineMet',
            { deadlineId: deadline.deadlineId, kind: deadline.kind, metOn: registeredOn },
            now,
          ),
        );
      }
    }
  }
  return { accepted: true, events };
}
