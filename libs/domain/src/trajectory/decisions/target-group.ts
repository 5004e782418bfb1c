import { deriveTargetGroup } from '../../target-group/derive-target-group';
import { CalendarDate } from '../../time/calendar-date';
import { registrationDeadline } from '../../target-group/registration-deadline';
import { TargetGroupDecision } from '../../target-group/target-group-decision';
import { TargetGroupFacts } from '../../target-group/target-group-facts';
import { recordTargetGroupOverride } from '../../target-group/target-group-override';
import { OverrideTargetGroup, RecordTargetGroupFacts } from '../commands';
import {
  DeadlineMet,
  DeadlineMissed,
  DeadlineSet,
  TargetGroupDetermined,
  TargetGroupOverridden,
  TrajectoryEvent,
  trajectoryEvent,
  ViolationOpened,
  ViolationWithdrawn,
} from '../events';
import { rejection } from '../rejection';
import { evolve, TrajectoryState } from '../state';
import { noViolationFileBecause } from '../../enforcement/violation-file-eligibility';
import { accept, Decision, DecisionTime, reject } from './decision';

/**
 * The status that governs the trajectory: EXEMPT once an exemption was granted later, else the counsellor's
 * recorded one when there is one, else the derived one.
 */
export function effectiveTargetGroup(state: TrajectoryState): TargetGroupDecision['status'] | undefined {
  if (state.targetGroup?.exemption) return 'EXEMPT';
  return state.targetGroup?.override?.recorded.status ?? state.targetGroup?.derived.status;
}

/** Once the contract is signed or an exemption granted, the status changes only by an exemption. */
function settled(state: TrajectoryState): string | undefined {
  const exemption = state.targetGroup?.exemption;
  if (exemption) return `an exemption was granted on ${exemption.grantedOn}; the target group is settled`;
  if (state.contract)
    return `the contract was signed on ${state.contract.signedOn}; the target group is settled (grant an exemption instead)`;
  return undefined;
}

/**
 * Derives the target group from the facts (reference date: the registration) and, for an obliged newcomer,
 * sets the deadline to report to an agency: met by this very registration, or missed, which opens a violation.
 */
export function determineTargetGroup(
  state: TrajectoryState,
  facts: TargetGroupFacts,
  { now }: DecisionTime,
): TrajectoryEvent[] | string {
  let decision: TargetGroupDecision;
  try {
    // the birth date is the newcomer's, whatever the facts say (OpenTrajectory takes it from the newcomer)
    decision = deriveTargetGroup({ ...facts, birthDate: state.newcomer.birthDate }, state.registeredOn);
  } catch (error) {
    return (error as Error).message;
  }
  const determined = trajectoryEvent<TargetGroupDetermined>(
    'TargetGroupDetermined',
    { decision, facts },
    now,
  );
  return [
    determined,
    ...agencyRegistrationFollowing(
      evolve(state, determined),
      `derived as ${decision.status} from new facts`,
      now,
    ),
  ];
}

/**
 * What the duty to report to an agency (3 months, obliged newcomers only) becomes when the status or the agency's
 * letter changes: an obliged newcomer who received the letter gets the deadline, met or missed by the registration
 * already made; one who turns out not to be obliged loses the ground of an open file for late registration, which
 * is withdrawn (a decided file stays). A deadline already set is kept as it was decided. `state` already holds the
 * new status or letter.
 */
export function agencyRegistrationFollowing(
  state: TrajectoryState,
  why: string,
  now: number,
): TrajectoryEvent[] {
  const existing = state.deadlines.find((deadline) => deadline.kind === 'AGENCY_REGISTRATION');
  const status = obligedSince(state);
  if (status) {
    return existing || !state.agencyLetter ? [] : agencyRegistrationDeadline(state, status, now);
  }
  if (!existing) return [];
  return state.violations
    .filter((violation) => violation.deadlineId === existing.deadlineId && violation.state === 'OPEN')
    .map((violation) =>
      trajectoryEvent<ViolationWithdrawn>(
        'ViolationWithdrawn',
        { violationId: violation.violationId, reason: `not obliged to report to an agency: ${why}` },
        now,
      ),
    );
}

/** The start of the obligation when the governing status is OBLIGED. */
export function obligedSince(state: TrajectoryState): CalendarDate | undefined {
  if (effectiveTargetGroup(state) !== 'OBLIGED') return undefined;
  const override = state.targetGroup?.override?.recorded;
  if (override) return override.status === 'OBLIGED' ? override.obligationStartsOn : undefined;
  const derived = state.targetGroup?.derived;
  return derived?.status === 'OBLIGED' ? derived.obligationStartsOn : undefined;
}

function agencyRegistrationDeadline(
  state: TrajectoryState,
  obligationStartsOn: CalendarDate,
  now: number,
): TrajectoryEvent[] {
  const letter = state.agencyLetter!;
  const deadline = registrationDeadline(obligationStartsOn, undefined, letter.sentOn);
  if (!deadline) return [];
  const deadlineId = `${state.trajectoryId}:AGENCY_REGISTRATION`;
  const set = trajectoryEvent<DeadlineSet>(
    'DeadlineSet',
    {
      deadlineId,
      kind: 'AGENCY_REGISTRATION',
      dueOn: deadline.dueOn,
      anchor: 'AGENCY_LETTER',
      anchorOn: letter.sentOn,
      policyVersion: deadline.policyVersion,
      source: deadline.source,
    },
    now,
  );
  if (state.registeredOn <= deadline.dueOn) {
    return [
      set,
      trajectoryEvent<DeadlineMet>(
        'DeadlineMet',
        { deadlineId, kind: 'AGENCY_REGISTRATION', metOn: state.registeredOn },
        now,
      ),
    ];
  }
  const missed = trajectoryEvent<DeadlineMissed>(
    'DeadlineMissed',
    { deadlineId, kind: 'AGENCY_REGISTRATION', dueOn: deadline.dueOn },
    now,
  );
  if (noViolationFileBecause(state, 'AGENCY_REGISTRATION_DEADLINE_MISSED')) return [set, missed];
  return [
    set,
    missed,
    trajectoryEvent<ViolationOpened>(
      'ViolationOpened',
      {
        violationId: `${state.trajectoryId}:violation:${state.violations.length + 1}`,
        kind: 'AGENCY_REGISTRATION_DEADLINE_MISSED',
        deadlineId,
        facts: `Obliged from ${deadline.obligationStartsOn}, sent the agency's letter (${letter.sendingAgency}) on ${letter.sentOn}, due to report to an agency by ${deadline.dueOn}, registered on ${state.registeredOn} (${deadline.source}).`,
      },
      now,
    ),
  ];
}

export function recordTargetGroupFacts(
  state: TrajectoryState,
  command: RecordTargetGroupFacts,
  time: DecisionTime,
): Decision {
  const isSettled = settled(state);
  if (isSettled) return reject(rejection('INVALID_STATE', isSettled));
  const facts = { ...state.targetGroup?.facts, ...command.facts };
  const events = determineTargetGroup(state, facts, time);
  if (typeof events === 'string') return reject(rejection('INVALID_INPUT', events, 'facts'));
  return { accepted: true, events };
}

export function overrideTargetGroup(
  state: TrajectoryState,
  command: OverrideTargetGroup,
  { now }: DecisionTime,
): Decision {
  if (!state.targetGroup)
    return reject(rejection('INVALID_STATE', 'no target group was derived yet; record the facts first'));
  const isSettled = settled(state);
  if (isSettled) return reject(rejection('INVALID_STATE', isSettled));
  if (command.recorded?.status === 'OBLIGED' && state.targetGroup.facts.residenceRegion === 'BRUSSELS') {
    return reject(
      rejection(
        'RULE_VIOLATION',
        'a newcomer living in the Brussels-Capital Region is never obliged (Actieplan integratiebeleid l.977; Beleidsbrief 2015-2016 l.735: docs/sources.md); correct the residence region in the facts if it is wrong',
        'recorded',
      ),
    );
  }
  try {
    const override = recordTargetGroupOverride(
      state.targetGroup.derived,
      command.recorded,
      command.reason ?? '',
    );
    const overridden = trajectoryEvent<TargetGroupOverridden>(
      'TargetGroupOverridden',
      { derived: override.derived, recorded: override.recorded, reason: override.reason },
      now,
    );
    return accept(
      overridden,
      ...agencyRegistrationFollowing(
        evolve(state, overridden),
        `recorded as ${override.recorded.status} by the counsellor (${override.reason})`,
        now,
      ),
    );
  } catch (error) {
    const message = (error as Error).message;
    return reject(rejection('RULE_VIOLATION', message, /reason/.test(message) ? 'reason' : 'recorded'));
  }
}
