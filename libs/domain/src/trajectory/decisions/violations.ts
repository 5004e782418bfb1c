import { noViolationFileBecause } from '../../enforcement/violation-file-eligibility';
import { REPORTABLE_VIOLATIONS, ReportViolation } from '../commands';
import { trajectoryEvent, ViolationOpened } from '../events';
import { because } from '../rejection';
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
      because('MUST_BE_ONE_OF', { field: 'kind', allowed: REPORTABLE_VIOLATIONS.join(', ') }, 'kind'),
    );
  }
  const facts = command.facts?.trim();
  if (!facts) return reject(because('VIOLATION_FACTS_MISSING', {}, 'facts'));
  const observedOn = pastOrToday(command.observedOn, 'observedOn', today);
  if (isRejection(observedOn)) return reject(observedOn);
  if (command.kind === 'REFUSAL_TO_SIGN' && state.contract) {
    return reject(because('REFUSAL_TO_SIGN_AFTER_CONTRACT', { signedOn: state.contract.signedOn }));
  }
  if (command.kind === 'IRREGULAR_ATTENDANCE' && !state.contract) {
    return reject(because('ATTENDANCE_BEFORE_CONTRACT'));
  }
  const notFineable = noViolationFileBecause(state, command.kind);
  if (notFineable) return reject({ ...notFineable, field: 'kind' });
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
