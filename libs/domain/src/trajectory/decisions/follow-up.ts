import { levelReached, NT2_LEVELS } from '../../pillars/pillar-state';
import { Nt2Level } from '../../policy/pillar';
import { policyVersionById } from '../../policy/policy-versions';
import { RecordDeclarationOfEffort, RecordFollowUpTestResult } from '../commands';
import {
  DeadlineMet,
  DeclarationOfEffortIssued,
  FollowUpTestTaken,
  TrajectoryClosed,
  TrajectoryEvent,
  trajectoryEvent,
} from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/**
 * A result of the follow-up track's test. A pass at the target level (B1, oral skills) meets the follow-up
 * deadline when it is in time and completes the trajectory (Verplichting tot inburgering §Vervolgtraject,
 * docs/sources.md).
 */
export function recordFollowUpTestResult(
  state: TrajectoryState,
  command: RecordFollowUpTestResult,
  { today, now }: DecisionTime,
): Decision {
  const followUp = state.followUp;
  if (!followUp) return reject(because('NO_FOLLOW_UP_TRACK'));
  if (followUp.completedOn)
    return reject(because('FOLLOW_UP_TRACK_COMPLETED', { completedOn: followUp.completedOn }));
  if (!NT2_LEVELS.includes(command.level as Nt2Level))
    return reject(because('NOT_AN_NT2_LEVEL', { field: 'level' }, 'level'));
  if (typeof command.passed !== 'boolean')
    return reject(because('MUST_BE_TRUE_OR_FALSE', { field: 'passed' }, 'passed'));
  const takenOn = pastOrToday(command.takenOn, 'takenOn', today);
  if (isRejection(takenOn)) return reject(takenOn);
  if (takenOn < followUp.startedOn) return reject(tooEarly('takenOn', followUp.startedOn, 'attest'));
  const events: TrajectoryEvent[] = [
    trajectoryEvent<FollowUpTestTaken>(
      'FollowUpTestTaken',
      { level: command.level, takenOn, passed: command.passed },
      now,
    ),
  ];
  if (!command.passed || !levelReached(command.level, followUp.targetLevel)) return accept(...events);
  const deadline = state.deadlines.find(
    (candidate) =>
      candidate.kind === 'FOLLOW_UP_B1_ORAL' &&
      (candidate.state === 'OPEN' || candidate.state === 'SUSPENDED'),
  );
  if (deadline && takenOn <= deadline.dueOn) {
    events.push(
      trajectoryEvent<DeadlineMet>(
        'DeadlineMet',
        { deadlineId: deadline.deadlineId, kind: 'FOLLOW_UP_B1_ORAL', metOn: takenOn },
        now,
      ),
    );
  }
  events.push(
    trajectoryEvent<TrajectoryClosed>(
      'TrajectoryClosed',
      {
        reason: 'FOLLOW_UP_COMPLETED',
        closedOn: takenOn,
        explanation: `${command.level} (${followUp.skills.map((skill) => skill.toLowerCase()).join(', ')}) passed on ${takenOn}`,
      },
      now,
    ),
  );
  return accept(...events);
}

/**
 * The declaration of effort (verklaring van geleverde inspanning): a counsellor records it, with the reason,
 * instead of the attest for a newcomer whose limited learning capacity makes the objectives impossible. It ends
 * the trajectory and starts no follow-up track (Verplichting tot inburgering §Attest, docs/sources.md).
 */
export function recordDeclarationOfEffort(
  state: TrajectoryState,
  command: RecordDeclarationOfEffort,
  { today, now }: DecisionTime,
): Decision {
  if (!state.contract) return reject(because('DECLARATION_OF_EFFORT_WITHOUT_CONTRACT'));
  if (state.attest)
    return reject(because('DECLARATION_OF_EFFORT_AFTER_ATTEST', { issuedOn: state.attest.issuedOn }));
  const policy = policyVersionById(state.contract.policyVersion);
  const rule = policy.parameters.declarationOfEffort;
  if (!rule) {
    return reject(because('DECLARATION_OF_EFFORT_NOT_IN_POLICY', { policyId: policy.id }, 'issuedOn'));
  }
  const reason = command.reason?.trim();
  if (!reason) return reject(because('DECLARATION_OF_EFFORT_WITHOUT_REASON', { field: 'reason' }, 'reason'));
  const issuedOn = pastOrToday(command.issuedOn, 'issuedOn', today);
  if (isRejection(issuedOn)) return reject(issuedOn);
  if (issuedOn < state.contract.signedOn)
    return reject(tooEarly('issuedOn', state.contract.signedOn, 'contract'));
  return accept(
    trajectoryEvent<DeclarationOfEffortIssued>(
      'DeclarationOfEffortIssued',
      { issuedOn, reason, policyVersion: policy.id, source: rule.source },
      now,
    ),
    trajectoryEvent<TrajectoryClosed>(
      'TrajectoryClosed',
      { reason: 'DECLARATION_OF_EFFORT', closedOn: issuedOn, explanation: reason },
      now,
    ),
  );
}
