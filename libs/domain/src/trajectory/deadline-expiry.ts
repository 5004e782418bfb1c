import { endOfDayInstant } from '../time/calendar-date';
import {
  DeadlineKind,
  DeadlineMissed,
  TrajectoryEvent,
  trajectoryEvent,
  ViolationKind,
  ViolationOpened,
} from './events';
import { TrajectoryState } from './state';

const VIOLATION_FOR_MISSED: Record<DeadlineKind, { kind: ViolationKind; obligation: string }> = {
  VDAB_REGISTRATION: {
    kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
    obligation: 'No VDAB registration recorded',
  },
  AGENCY_REGISTRATION: {
    kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
    obligation: 'No registration with an agency recorded',
  },
};

/** The earliest instant at which an open deadline expires, or undefined when none is open. */
export function nextDeadlineExpiry(state: TrajectoryState): number | undefined {
  const expiries = state.deadlines
    .filter((deadline) => deadline.state === 'OPEN')
    .map((deadline) => endOfDayInstant(deadline.dueOn));
  return expiries.length ? Math.min(...expiries) : undefined;
}

/**
 * Events for every open deadline that has expired at `now`: the deadline is missed and, for an obliged
 * trajectory rule such as the VDAB registration, a violation is opened (domain brief §3, seed 001 l.293-295).
 */
export function expireDeadlines(state: TrajectoryState, now: number): TrajectoryEvent[] {
  const events: TrajectoryEvent[] = [];
  let violationNumber = state.violations.length;
  for (const deadline of state.deadlines) {
    if (deadline.state !== 'OPEN' || endOfDayInstant(deadline.dueOn) > now) continue;
    events.push(
      trajectoryEvent<DeadlineMissed>(
        'DeadlineMissed',
        { deadlineId: deadline.deadlineId, kind: deadline.kind, dueOn: deadline.dueOn },
        now,
      ),
    );
    violationNumber += 1;
    events.push(
      trajectoryEvent<ViolationOpened>(
        'ViolationOpened',
        {
          violationId: `${state.trajectoryId}:violation:${violationNumber}`,
          kind: VIOLATION_FOR_MISSED[deadline.kind].kind,
          deadlineId: deadline.deadlineId,
          facts: `${VIOLATION_FOR_MISSED[deadline.kind].obligation} by ${deadline.dueOn}, the deadline set under policy ${deadline.policyVersion} (${deadline.source}).`,
        },
        now,
      ),
    );
  }
  return events;
}
