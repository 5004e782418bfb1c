import { policyVersionById, policyVersionFor } from '../../policy/policy-versions';
import { calendarDateAt } from '../../time/calendar-date';
import { FINE_DECISIONS, RecordFineDecision } from '../commands';
import { fineEndsTrajectory } from '../../enforcement/violation-file-eligibility';
import { FineDecisionRecorded, TrajectoryClosed, trajectoryEvent } from '../events';
import { because } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject } from './decision';

/**
 * The enforcement officer's decision on a violation file: no fine, or a fine within the policy's range
 * (50 to 5,000 euro). An obliged newcomer's obligation continues after a fine: the trajectory stays open and a
 * new breach can open a new file. A fine for breaking a voluntary contract (entitled, or exempt and signed anyway)
 * ends the file and the trajectory (Verplichting tot inburgering §Handhaving, docs/sources.md).
 */
export function recordFineDecision(
  state: TrajectoryState,
  command: RecordFineDecision,
  { today, now }: DecisionTime,
): Decision {
  const violation = state.violations.find((candidate) => candidate.violationId === command.violationId);
  if (!violation)
    return reject(because('VIOLATION_NOT_FOUND', { violationId: command.violationId }, 'violationId'));
  if (violation.state === 'WITHDRAWN') {
    return reject(because('VIOLATION_WITHDRAWN', { violationId: command.violationId }));
  }
  if (violation.decision) {
    return reject(
      because('VIOLATION_ALREADY_DECIDED', {
        violationId: command.violationId,
        decidedOn: violation.decision.decidedOn,
      }),
    );
  }
  if (!FINE_DECISIONS.includes(command.decision)) {
    return reject(
      because('MUST_BE_ONE_OF', { field: 'decision', allowed: FINE_DECISIONS.join(', ') }, 'decision'),
    );
  }
  const decidedOn = pastOrToday(command.decidedOn, 'decidedOn', today);
  if (isRejection(decidedOn)) return reject(decidedOn);
  // openedAt is an instant (UTC); files opened by a deadline's expiry at midnight in Brussels carry the previous UTC date.
  const openedOn = calendarDateAt(Date.parse(violation.openedAt));
  if (decidedOn < openedOn) {
    return reject(because('BEFORE_VIOLATION_FILE', { field: 'decidedOn', earliest: openedOn }, 'decidedOn'));
  }
  if (command.decision === 'NO_FINE' && command.amountEuro !== undefined) {
    return reject(because('FINE_AMOUNT_WITHOUT_FINE', {}, 'amountEuro'));
  }
  if (command.decision === 'FINE') {
    const policy = state.contract
      ? policyVersionById(state.contract.policyVersion)
      : policyVersionFor(decidedOn);
    if (!policy) return reject(because('FINE_WITHOUT_POLICY_VERSION', { decidedOn }, 'decidedOn'));
    const { minimumEuro, maximumEuro, source } = policy.parameters.fine;
    const amount = command.amountEuro;
    if (amount === undefined || !Number.isInteger(amount) || amount < minimumEuro || amount > maximumEuro) {
      return reject(
        because(
          'FINE_AMOUNT_OUT_OF_RANGE',
          { minimumEuro, maximumEuro, policyVersion: policy.id, source },
          'amountEuro',
        ),
      );
    }
  }
  const recorded = trajectoryEvent<FineDecisionRecorded>(
    'FineDecisionRecorded',
    {
      violationId: command.violationId,
      decision: command.decision,
      ...(command.decision === 'FINE' ? { amountEuro: command.amountEuro } : {}),
      decidedOn,
      ...(command.explanation ? { explanation: command.explanation } : {}),
    },
    now,
  );
  if (command.decision !== 'FINE' || state.status === 'CLOSED' || !fineEndsTrajectory(state, violation.kind))
    return accept(recorded);
  return accept(
    recorded,
    trajectoryEvent<TrajectoryClosed>(
      'TrajectoryClosed',
      {
        reason: 'FINED_VOLUNTARY_CONTRACT',
        closedOn: decidedOn,
        explanation: `fined for ${violation.kind} (${violation.violationId}): a voluntary contract ends with the fine (Verplichting tot inburgering §Handhaving, docs/sources.md)`,
      },
      now,
    ),
  );
}
