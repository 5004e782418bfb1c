import { vdabRegistrationDueDate } from '../../deadlines/vdab-registration-deadline';
import { policyVersionById, policyVersionFor } from '../../policy/policy-versions';
import { addDays, CalendarDate, daysBetween, endOfDayInstant } from '../../time/calendar-date';
import { CORRECTABLE_FACTS, CorrectFact } from '../commands';
import {
  DeadlineMet,
  DeadlineMoved,
  FactCorrected,
  TrajectoryEvent,
  trajectoryEvent,
  isEmploymentRegistration,
} from '../events';
import { because, Rejection, RejectionReason } from '../rejection';
import { TrajectoryState } from '../state';
import { Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';

/**
 * A wrongly recorded date is corrected by a compensating event with a reason; the original stays in the
 * history. Deadlines that depend on the date move with it, but a correction never flips a deadline's outcome
 * (met or missed): that is a matter for the violation file, not for a quiet edit.
 */
export function correctFact(state: TrajectoryState, command: CorrectFact, time: DecisionTime): Decision {
  if (!CORRECTABLE_FACTS.includes(command.fact)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'fact', allowed: CORRECTABLE_FACTS.join(', ') }, 'fact'),
    );
  }
  const reason = command.reason?.trim();
  if (!reason) return reject(because('CORRECTION_WITHOUT_REASON', {}, 'reason'));
  const correctedDate = pastOrToday(command.correctedDate, 'correctedDate', time.today);
  if (isRejection(correctedDate)) return reject(correctedDate);

  const checked = checkCorrectedFact(state, command.fact, correctedDate);
  if ('code' in checked) return reject(checked);
  const corrected: TrajectoryEvent = trajectoryEvent<FactCorrected>(
    'FactCorrected',
    { fact: command.fact, previousDate: checked.previousDate, correctedDate, reason },
    time.now,
  );
  const consequences = vdabDeadlineConsequences(state, command, correctedDate, time);
  if ('code' in consequences) return reject(consequences);
  return { accepted: true, events: [corrected, ...consequences] };
}

function checkCorrectedFact(
  state: TrajectoryState,
  fact: CorrectFact['fact'],
  correctedDate: CalendarDate,
): { previousDate: CalendarDate } | Rejection {
  const previousDate = recordedDate(state, fact);
  if (!previousDate) return because(NOTHING_TO_CORRECT[fact]);
  if (previousDate === correctedDate) {
    return because(ALREADY_THAT_DATE[fact], { date: correctedDate }, 'correctedDate');
  }
  if (fact === 'INTAKE_DATE') {
    if (correctedDate < state.registeredOn) {
      return because(
        'CORRECTION_INTAKE_BEFORE_REGISTRATION',
        { registeredOn: state.registeredOn },
        'correctedDate',
      );
    }
    if (state.contract && correctedDate > state.contract.signedOn) {
      return because(
        'CORRECTION_INTAKE_AFTER_CONTRACT',
        { signedOn: state.contract.signedOn },
        'correctedDate',
      );
    }
  }
  if (fact === 'CONTRACT_SIGNING_DATE' && state.contract) {
    if (state.intakeOn && correctedDate < state.intakeOn) {
      return because('CORRECTION_CONTRACT_BEFORE_INTAKE', { intakeOn: state.intakeOn }, 'correctedDate');
    }
    const policy = policyVersionFor(correctedDate);
    const recordedPolicyVersion = state.contract.policyVersion;
    if (!policy) {
      return because(
        'CORRECTION_OUTSIDE_POLICY_VERSIONS',
        { signedOn: correctedDate, recordedPolicyVersion },
        'correctedDate',
      );
    }
    if (policy.id !== recordedPolicyVersion) {
      return because(
        'CORRECTION_CHANGES_POLICY_VERSION',
        { signedOn: correctedDate, policyVersion: policy.id, recordedPolicyVersion },
        'correctedDate',
      );
    }
  }
  return { previousDate };
}

/** The VDAB deadline follows its anchor date; its outcome (met, missed) must stay what it was. */
function vdabDeadlineConsequences(
  state: TrajectoryState,
  command: CorrectFact,
  correctedDate: CalendarDate,
  { now }: DecisionTime,
): TrajectoryEvent[] | Rejection {
  const deadline = state.deadlines.find((candidate) => isEmploymentRegistration(candidate.kind));
  if (!deadline || !state.contract) return [];
  const policy = policyVersionById(state.contract.policyVersion);
  const recordedDueOn = vdabRegistrationDueDate(policy, {
    contractSignedOn: state.contract.signedOn,
    intakeOn: state.intakeOn,
  });
  const correctedDueOn = vdabRegistrationDueDate(policy, {
    contractSignedOn: command.fact === 'CONTRACT_SIGNING_DATE' ? correctedDate : state.contract.signedOn,
    intakeOn: command.fact === 'INTAKE_DATE' ? correctedDate : state.intakeOn,
  });
  if (!recordedDueOn || !correctedDueOn) return [];
  // The days a suspension moved the deadline by stay added: only the correction's own shift applies.
  const dueOn = addDays(correctedDueOn, daysBetween(recordedDueOn, deadline.dueOn));
  const registeredOn =
    command.fact === 'VDAB_REGISTRATION_DATE' ? correctedDate : state.vdabRegistration?.registeredOn;
  const registeredInTime = registeredOn !== undefined && registeredOn <= dueOn;
  if (deadline.state === 'MET' && !registeredInTime) {
    // a met deadline has a registration: `registeredOn` is there
    return because(
      'CORRECTION_MISSES_MET_DEADLINE',
      { registeredOn: String(registeredOn), dueOn },
      'correctedDate',
    );
  }
  if (deadline.state === 'MISSED' && (registeredInTime || endOfDayInstant(dueOn) > now)) {
    return because('CORRECTION_REOPENS_MISSED_DEADLINE', { dueOn: deadline.dueOn }, 'correctedDate');
  }
  const events: TrajectoryEvent[] = [];
  if (dueOn !== deadline.dueOn) {
    events.push(
      trajectoryEvent<DeadlineMoved>(
        'DeadlineMoved',
        {
          deadlineId: deadline.deadlineId,
          kind: deadline.kind,
          previousDueOn: deadline.dueOn,
          dueOn,
          reason: 'CORRECTION',
        },
        now,
      ),
    );
  }
  if (deadline.state === 'OPEN' && registeredInTime && registeredOn) {
    events.push(
      trajectoryEvent<DeadlineMet>(
        'DeadlineMet',
        { deadlineId: deadline.deadlineId, kind: deadline.kind, metOn: registeredOn },
        now,
      ),
    );
  }
  return events;
}

function recordedDate(state: TrajectoryState, fact: CorrectFact['fact']): CalendarDate | undefined {
  switch (fact) {
    case 'INTAKE_DATE':
      return state.intakeOn;
    case 'CONTRACT_SIGNING_DATE':
      return state.contract?.signedOn;
    case 'VDAB_REGISTRATION_DATE':
      return state.vdabRegistration?.registeredOn;
  }
}

/** The refusal to correct a fact that was never recorded, by fact. */
const NOTHING_TO_CORRECT = {
  INTAKE_DATE: 'CORRECTION_NO_INTAKE_DATE',
  CONTRACT_SIGNING_DATE: 'CORRECTION_NO_CONTRACT_SIGNING_DATE',
  VDAB_REGISTRATION_DATE: 'CORRECTION_NO_VDAB_REGISTRATION_DATE',
} as const satisfies Record<CorrectFact['fact'], RejectionReason>;

/** The refusal of a correction to the date already recorded, by fact. */
const ALREADY_THAT_DATE = {
  INTAKE_DATE: 'CORRECTION_SAME_INTAKE_DATE',
  CONTRACT_SIGNING_DATE: 'CORRECTION_SAME_CONTRACT_SIGNING_DATE',
  VDAB_REGISTRATION_DATE: 'CORRECTION_SAME_VDAB_REGISTRATION_DATE',
} as const satisfies Record<CorrectFact['fact'], RejectionReason>;
