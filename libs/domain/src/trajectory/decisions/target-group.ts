import { deriveTargetGroup, factDatedAfter } from '../../target-group/derive-target-group';
import { CalendarDate } from '../../time/calendar-date';
import { registrationDeadline } from '../../target-group/registration-deadline';
import { TargetGroupDecision } from '../../target-group/target-group-decision';
import { TargetGroupFacts } from '../../target-group/target-group-facts';
import {
  RecordedTargetGroupStatus,
  recordTargetGroupOverride,
  sameStatus,
} from '../../target-group/target-group-override';
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
import { because, Rejection } from '../rejection';
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
function settled(state: TrajectoryState): Rejection | undefined {
  const exemption = state.targetGroup?.exemption;
  if (exemption) return because('TARGET_GROUP_SETTLED_BY_EXEMPTION', { grantedOn: exemption.grantedOn });
  if (state.contract)
    return because('TARGET_GROUP_SETTLED_BY_CONTRACT', { signedOn: state.contract.signedOn });
  return undefined;
}

/**
 * Derives the target group from the facts (reference date: the registration) and, for an obliged newcomer,
 * sets the deadline to report to an agency: met by this very registration, or missed, which opens a violation.
 * Facts the derivation cannot take are refused on `field`, the command's field that holds them.
 */
export function determineTargetGroup(
  state: TrajectoryState,
  facts: TargetGroupFacts,
  { now }: DecisionTime,
  field: string,
): TrajectoryEvent[] | Rejection {
  // the birth date is the newcomer's, whatever the facts say (OpenTrajectory takes it from the newcomer)
  const withBirthDate = { ...facts, birthDate: state.newcomer.birthDate };
  const after = factDatedAfter(withBirthDate, state.registeredOn);
  if (after) {
    // never the birth date: a registration before it is refused before the facts are looked at
    return because(
      'TARGET_GROUP_FACT_AFTER_REFERENCE_DATE',
      { field: after.fact, date: after.date, referenceDate: state.registeredOn },
      field,
    );
  }
  let decision: TargetGroupDecision;
  try {
    decision = deriveTargetGroup(withBirthDate, state.registeredOn);
  } catch {
    // Not reachable with the checks above and at registration; a refusal all the same, never an exception in the
    // workflow (and never the derivation's own text, which names dates of the person).
    return because('TARGET_GROUP_NOT_DERIVABLE', {}, field);
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
  if (isSettled) return reject(isSettled);
  const facts = { ...state.targetGroup?.facts, ...command.facts };
  const events = determineTargetGroup(state, facts, time, 'facts');
  if (!Array.isArray(events)) return reject(events);
  return { accepted: true, events };
}

export function overrideTargetGroup(
  state: TrajectoryState,
  command: OverrideTargetGroup,
  { now }: DecisionTime,
): Decision {
  if (!state.targetGroup) return reject(because('TARGET_GROUP_NOT_DERIVED'));
  const isSettled = settled(state);
  if (isSettled) return reject(isSettled);
  const { recorded } = command;
  if (!RECORDED_STATUSES.includes(recorded?.status)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'recorded', allowed: RECORDED_STATUSES.join(', ') }, 'recorded'),
    );
  }
  if (recorded.status === 'OBLIGED' && state.targetGroup.facts.residenceRegion === 'BRUSSELS') {
    return reject(because('TARGET_GROUP_BRUSSELS_NEVER_OBLIGED', {}, 'recorded'));
  }
  // recordTargetGroupOverride throws on these; refused here first, each with its reason
  if (!command.reason?.trim()) return reject(because('TARGET_GROUP_OVERRIDE_WITHOUT_REASON', {}, 'reason'));
  if (sameStatus(state.targetGroup.derived, recorded)) return reject(alreadyDerived(recorded));
  const override = recordTargetGroupOverride(state.targetGroup.derived, recorded, command.reason);
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
}

const RECORDED_STATUSES: readonly (RecordedTargetGroupStatus['status'] | undefined)[] = [
  'OBLIGED',
  'ENTITLED',
  'EXEMPT',
  'NOT_IN_TARGET_GROUP',
];

/** The refusal of a recorded status that is the derived one. */
function alreadyDerived(recorded: RecordedTargetGroupStatus): Rejection {
  switch (recorded.status) {
    case 'OBLIGED':
      return because(
        'TARGET_GROUP_ALREADY_OBLIGED',
        { obligationStartsOn: recorded.obligationStartsOn },
        'recorded',
      );
    case 'EXEMPT':
      return because(
        'TARGET_GROUP_ALREADY_EXEMPT',
        { exemptionReason: recorded.exemptionReason },
        'recorded',
      );
    case 'ENTITLED':
      return because('TARGET_GROUP_ALREADY_ENTITLED', {}, 'recorded');
    case 'NOT_IN_TARGET_GROUP':
      return because('TARGET_GROUP_ALREADY_NOT_IN_TARGET_GROUP', {}, 'recorded');
  }
}
