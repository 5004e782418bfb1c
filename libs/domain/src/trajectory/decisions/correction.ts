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
import { Rejection, rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';

/**
 * A wrongly recorded date is corrected by a compensating event with a reason; the original stays in the
 * history. Deadlines that depend on the date move with it, but a correction never flips a deadline's outcome
 * (met or missed): that is a matter for the violation file, not for a quiet edit.
 */
export function correctFact(state: TrajectoryState, command: CorrectFact, time: DecisionTime): Decision {
  if (!CORRECTABLE_FACTS.includes(command.fact)) {
    return reject(rejection('INVALID_INPUT', `fact must be one of ${CORRECTABLE_FACTS.join(', ')}`, 'fact'));
  }
  const reason = command.reason?.trim();
  if (!reason) return reject(rejection('INVALID_INPUT', 'reason must explain the correction', 'reason'));
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
  if (!previousDate) return rejection('INVALID_STATE', `there is no recorded ${describe(fact)} to correct`);
  if (previousDate === correctedDate) {
    return rejection('RULE_VIOLATION', `the ${describe(fact)} is already ${correctedDate}`, 'correctedDate');
  }
  if (fact === 'INTAKE_DATE') {
    if (correctedDate < state.registeredOn) {
      return rejection(
        'RULE_VIOLATION',
        `the intake cannot be before the registration on ${state.registeredOn}`,
        'correctedDate',
      );
    }
    if (state.contract && correctedDate > state.contract.signedOn) {
      return rejection(
        'RULE_VIOLATION',
        `the intake cannot be after the contract signed on ${state.contract.signedOn}`,
        'correctedDate',
      );
    }
  }
  if (fact === 'CONTRACT_SIGNING_DATE' && state.contract) {
    if (state.intakeOn && correctedDate < state.intakeOn) {
      return rejection(
        'RULE_VIOLATION',
        `the contract cannot be signed before the intake on ${state.intakeOn}`,
        'correctedDate',
      );
    }
    const policy = policyVersionFor(correctedDate);
    if (policy?.id !== state.contract.policyVersion) {
      return rejection(
        'RULE_VIOLATION',
        `a contract signed on ${correctedDate} falls under policy ${policy?.id ?? 'none'}, not ${state.contract.policyVersion}; ` +
          'the policy version of a running trajectory cannot change by correction',
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
    return rejection(
      'RULE_VIOLATION',
      `after this correction the VDAB registration (${registeredOn}) would be later than its deadline (${dueOn}); a correction cannot turn a met deadline into a missed one`,
      'correctedDate',
    );
  }
  if (deadline.state === 'MISSED' && (registeredInTime || endOfDayInstant(dueOn) > now)) {
    return rejection(
      'RULE_VIOLATION',
      `the VDAB deadline was recorded as missed on ${deadline.dueOn}; a correction cannot reopen or meet it (contest the violation file instead)`,
      'correctedDate',
    );
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

function describe(fact: CorrectFact['fact']): string {
  return {
    INTAKE_DATE: 'intake date',
    CONTRACT_SIGNING_DATE: 'contract signing date',
    VDAB_REGISTRATION_DATE: 'VDAB registration date',
  }[fact];
}
