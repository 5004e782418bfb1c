import { attestIfDue, pillarCompletions } from '../pillars/pillar-progress';
import { calendarDateAt } from '../time/calendar-date';
import { TrajectoryCommand } from './commands';
import { recordAgencyLetter } from './decisions/agency-letter';
import { closeTrajectory } from './decisions/closure';
import { recordDeclarationOfEffort, recordFollowUpTestResult } from './decisions/follow-up';
import { recordMove } from './decisions/move';
import { correctFact } from './decisions/correction';
import { grantExemption } from './decisions/exemption';
import { Decision, DecisionContext, DecisionTime, reject } from './decisions/decision';
import { recordFineDecision } from './decisions/fine-decision';
import {
  adjustNt2Target,
  agreeWorkTrack,
  enrolInMoCourse,
  enrolInNt2Course,
  logParticipationActivity,
  recordAttendance,
  recordMoTestResult,
  recordNt2TestResult,
  referToNt2Course,
  waivePillar,
} from './decisions/pillars';
import { openTrajectory, recordContract, recordIntake } from './decisions/registration';
import { resumeTrajectory, suspendTrajectory } from './decisions/suspension';
import { overrideTargetGroup, recordTargetGroupFacts } from './decisions/target-group';
import { reassignCounsellor } from './decisions/reassignment';
import { transferTrajectory } from './decisions/transfer';
import { recordVdabRegistration } from './decisions/vdab-registration';
import { reportViolation } from './decisions/violations';
import { TrajectoryEvent } from './events';
import { because } from './rejection';
import { fold, MaybeTrajectoryState, TrajectoryState } from './state';

export type { Decision, DecisionContext } from './decisions/decision';
export { vdabDeadlineId } from './decisions/vdab-registration';

/** Commands a suspended trajectory still accepts: the suspension ends, facts arrive or are corrected, files are decided. */
const ALLOWED_WHILE_SUSPENDED: ReadonlySet<TrajectoryCommand['type']> = new Set([
  // refused by its own decision, with a message naming the running suspension
  'SuspendTrajectory',
  'ResumeTrajectory',
  'RecordVdabRegistration',
  'CorrectFact',
  'RecordFineDecision',
  'TransferTrajectory',
  'ReassignCounsellor',
  'CloseTrajectory',
  'WaivePillar',
  'GrantExemption',
  'RecordMove',
  'RecordAgencyLetter',
]);

/**
 * After the attest, an obliged newcomer's trajectory stays open for the follow-up track: its result, and what can
 * happen at any point, are all it accepts.
 */
const ACCEPTED_DURING_FOLLOW_UP: ReadonlySet<TrajectoryCommand['type']> = new Set([
  'RecordFollowUpTestResult',
  'SuspendTrajectory',
  'ResumeTrajectory',
  'TransferTrajectory',
  'ReassignCounsellor',
  'RecordMove',
  'CloseTrajectory',
  'RecordFineDecision',
  'GrantExemption',
]);

/**
 * A violation file outlives the trajectory it came from: the enforcement officer still decides it after the
 * newcomer moved out, the contract ended or the attest was issued (domain brief §3: "A violation opens an
 * inbreukdossier sent to ABB"). Nothing else is recorded on a closed trajectory.
 */
export const ACCEPTED_AFTER_CLOSURE: ReadonlySet<TrajectoryCommand['type']> = new Set(['RecordFineDecision']);

/** Whether a closed trajectory still has violation files waiting for the enforcement officer's decision. */
export function awaitsViolationDecisions(state: TrajectoryState): boolean {
  return state.violations.some((violation) => violation.state === 'OPEN');
}

/**
 * Checks a command against the rules and the current state and returns the events it produces, or why not.
 * Accepted commands are followed by what follows from them by rule: completed pillars and the attest.
 */
export function decide(
  state: MaybeTrajectoryState,
  command: TrajectoryCommand,
  context: DecisionContext,
): Decision {
  const time: DecisionTime = {
    now: context.now,
    today: calendarDateAt(context.now),
    ...(context.withoutCertificateNumbers ? { withoutCertificateNumbers: true } : {}),
  };
  if (command.type === 'OpenTrajectory') {
    return state
      ? reject(because('TRAJECTORY_EXISTS', { trajectoryId: state.trajectoryId }))
      : openTrajectory(command, time);
  }
  if (!state) return reject(because('TRAJECTORY_NOT_FOUND'));
  if (state.status === 'CLOSED' && !ACCEPTED_AFTER_CLOSURE.has(command.type)) {
    return reject(
      because('TRAJECTORY_CLOSED', {
        closureReason: `${state.closure?.reason}`,
        closedOn: `${state.closure?.closedOn}`,
      }),
    );
  }
  if (state.status === 'SUSPENDED' && !ALLOWED_WHILE_SUSPENDED.has(command.type)) {
    return reject(because('TRAJECTORY_SUSPENDED', { suspendedFrom: `${state.suspension?.suspendedFrom}` }));
  }
  if (state.attest && !ACCEPTED_DURING_FOLLOW_UP.has(command.type)) {
    return reject(because('IN_FOLLOW_UP_TRACK', { issuedOn: state.attest.issuedOn }));
  }
  const decision = decideOnTrajectory(state, command, time);
  // A closed trajectory's pillars and attest are final: a decision recorded after closure changes neither.
  if (!decision.accepted || state.status === 'CLOSED') return decision;
  return { accepted: true, events: withConsequences(state, decision.events, time) };
}

function decideOnTrajectory(
  state: TrajectoryState,
  command: Exclude<TrajectoryCommand, { type: 'OpenTrajectory' }>,
  time: DecisionTime,
): Decision {
  switch (command.type) {
    case 'RecordIntake':
      return recordIntake(state, command, time);
    case 'RecordContract':
      return recordContract(state, command, time);
    case 'RecordVdabRegistration':
      return recordVdabRegistration(state, command, time);
    case 'CloseTrajectory':
      return closeTrajectory(state, command, time);
    case 'SuspendTrajectory':
      return suspendTrajectory(state, command, time);
    case 'ResumeTrajectory':
      return resumeTrajectory(state, command, time);
    case 'TransferTrajectory':
      return transferTrajectory(state, command, time);
    case 'ReassignCounsellor':
      return reassignCounsellor(state, command, time);
    case 'CorrectFact':
      return correctFact(state, command, time);
    case 'RecordFineDecision':
      return recordFineDecision(state, command, time);
    case 'RecordTargetGroupFacts':
      return recordTargetGroupFacts(state, command, time);
    case 'OverrideTargetGroup':
      return overrideTargetGroup(state, command, time);
    case 'GrantExemption':
      return grantExemption(state, command, time);
    case 'EnrolInMoCourse':
      return enrolInMoCourse(state, command, time);
    case 'RecordMoTestResult':
      return recordMoTestResult(state, command, time);
    case 'RecordAttendance':
      return recordAttendance(state, command, time);
    case 'ReferToNt2Course':
      return referToNt2Course(state, command, time);
    case 'EnrolInNt2Course':
      return enrolInNt2Course(state, command, time);
    case 'AdjustNt2Target':
      return adjustNt2Target(state, command, time);
    case 'RecordNt2TestResult':
      return recordNt2TestResult(state, command, time);
    case 'AgreeWorkTrack':
      return agreeWorkTrack(state, command, time);
    case 'LogParticipationActivity':
      return logParticipationActivity(state, command, time);
    case 'WaivePillar':
      return waivePillar(state, command, time);
    case 'ReportViolation':
      return reportViolation(state, command, time);
    case 'RecordMove':
      return recordMove(state, command, time);
    case 'RecordAgencyLetter':
      return recordAgencyLetter(state, command, time);
    case 'RecordFollowUpTestResult':
      return recordFollowUpTestResult(state, command, time);
    case 'RecordDeclarationOfEffort':
      return recordDeclarationOfEffort(state, command, time);
  }
}

function withConsequences(
  state: TrajectoryState,
  events: TrajectoryEvent[],
  { today, now }: DecisionTime,
): TrajectoryEvent[] {
  const after = fold(events, state) as TrajectoryState;
  const completions = pillarCompletions(after, now);
  const completed = fold(completions, after) as TrajectoryState;
  return [...events, ...completions, ...attestIfDue(completed, today, now)];
}
