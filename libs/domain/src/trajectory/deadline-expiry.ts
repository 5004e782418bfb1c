import { noViolationFileBecause } from '../enforcement/violation-file-eligibility';
import { DeadlineClock, dueInstant, LEGAL_DEADLINE_CLOCK } from '../time/deadline-clock';
import {
  DeadlineKind,
  DeadlineMissed,
  TrajectoryEvent,
  trajectoryEvent,
  ViolationKind,
  ViolationOpened,
} from './events';
import { TrajectoryState } from './state';

/** ACTIRIS_REGISTRATION has none: Actiris registers Brussels residents, and no fine applies in Brussels. */
const VIOLATION_FOR_MISSED: Partial<Record<DeadlineKind, { kind: ViolationKind; obligation: string }>> = {
  VDAB_REGISTRATION: {
    kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
    obligation: 'No VDAB registration recorded',
  },
  AGENCY_REGISTRATION: {
    kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
    obligation: 'No registration with an agency recorded',
  },
  FOLLOW_UP_B1_ORAL: {
    kind: 'FOLLOW_UP_DEADLINE_MISSED',
    obligation: 'No B1 oral result recorded in the follow-up track',
  },
};

/**
 * The earliest instant at which an open deadline expires, or undefined when none is open; on the legal clock unless
 * a test gives a compressed one (see DeadlineClock).
 */
export function nextDeadlineExpiry(
  state: TrajectoryState,
  clock: DeadlineClock = LEGAL_DEADLINE_CLOCK,
): number | undefined {
  const expiries = state.deadlines
    .filter((deadline) => deadline.state === 'OPEN')
    .map((deadline) => dueInstant(deadline.dueOn, clock));
  return expiries.length ? Math.min(...expiries) : undefined;
}

/**
 * Events for every open deadline that has expired at `now`: the deadline is missed and, where the newcomer can
 * be fined for it (see `noViolationFileBecause`), a violation file is opened for the enforcement officer.
 */
export function expireDeadlines(
  state: TrajectoryState,
  now: number,
  clock: DeadlineClock = LEGAL_DEADLINE_CLOCK,
): TrajectoryEvent[] {
  const events: TrajectoryEvent[] = [];
  let violationNumber = state.violations.length;
  for (const deadline of state.deadlines) {
    if (deadline.state !== 'OPEN' || dueInstant(deadline.dueOn, clock) > now) continue;
    events.push(
      trajectoryEvent<DeadlineMissed>(
        'DeadlineMissed',
        { deadlineId: deadline.deadlineId, kind: deadline.kind, dueOn: deadline.dueOn },
        now,
      ),
    );
    const violation = VIOLATION_FOR_MISSED[deadline.kind];
    if (!violation || noViolationFileBecause(state, violation.kind)) continue;
    violationNumber += 1;
    events.push(
      trajectoryEvent<ViolationOpened>(
        'ViolationOpened',
        {
          violationId: `${state.trajectoryId}:violation:${violationNumber}`,
          kind: violation.kind,
          deadlineId: deadline.deadlineId,
          facts: `${violation.obligation} by ${deadline.dueOn}, the deadline set under policy ${deadline.policyVersion} (${deadline.source}).`,
        },
        now,
      ),
    );
  }
  return events;
}
