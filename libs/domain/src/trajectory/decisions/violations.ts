import { noViolationFileBecause } from '../../enforcement/violation-file-eligibility';
import { REPORTABLE_VIOLATIONS, ReportViolation } from '../commands';
import { trajectoryEvent, ViolationOpened } from '../events';
import { rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';

/**
 * A violation the counsellor observes (refusal to sign the contract, irregular attendance) opens a violation
 * file for the enforcement officer, like a missed deadline does, where the newcomer can be fined for it
 * (Handhaving inburgeringsbeleid §Wie; Actieplan integratiebeleid l.293-295: docs/sources.md).
 */
export function reportViolation(
  state: TrajectoryState,
  command: ReportViolation,
  { today, now }: DecisionTime,
): Decision {
  if (!REPORTABLE_VIOLATIONS.includes(command.kind)) {
    return reject(
      rejection('INVALID_INPUT', `kind must be one of ${REPORTABLE_VIOLATIONS.join(', ')}`, 'kind'),
    );
  }
  const facts = command.facts?.trim();
  if (!facts) return reject(rejection('INVALID_INPUT', 'facts must describe what happened', 'facts'));
  const observedOn = pastOrToday(command.observedOn, 'observedOn', today);
  if (isRejection(observedOn)) return reject(observedOn);
  if (command.kind === 'REFUSAL_TO_SIGN' && state.contract) {
    return reject(rejection('INVALID_STATE', `the contract was signed on ${state.contract.signedOn}`));
  }
  if (command.kind === 'IRREGULAR_ATTENDANCE' && !state.contract) {
    return reject(rejection('INVALID_STATE', 'attendance is followed once the contract is signed'));
  }
  const notFineable = noViolationFileBecause(state, command.kind);
  if (notFineable)
    return reject(rejection('RULE_VIOLATION', `no violation file can open: ${notFineable}`, 'kind'));
  return accept(
    trajectoryEvent<ViolationOpened>(
      'ViolationOpened',
      {
        violationId: `${state.trajectoryId}:violation:${state.violations.length + 1}`,
        kind: command.kind,
        facts: `Observed on ${observedOn}: ${facts}`,
      },
      now,
    ),
  );
}
