import { ViolationRecord } from '../entities';
import type { ReadModel } from './projection';

/** One row per violation file, with the trajectory's agency, counsellor and municipality now, for the queue. */
export const violations: ReadModel<ViolationRecord> = {
  entity: ViolationRecord,
  triggerKeptTotals: ['violation_counts'], // migration ListCounts1797600000002
  rows: ({ state }) =>
    state.violations.map((violation) =>
      Object.assign(new ViolationRecord(), {
        trajectoryId: state.trajectoryId,
        violationId: violation.violationId,
        kind: violation.kind,
        deadlineId: violation.deadlineId ?? null,
        facts: violation.facts,
        state: violation.state,
        openedAt: new Date(violation.openedAt),
        decision: violation.decision?.decision ?? null,
        amountEuro: violation.decision?.amountEuro ?? null,
        decidedOn: violation.decision?.decidedOn ?? null,
        decisionExplanation: violation.decision?.explanation ?? null,
        agency: state.agency,
        counsellorId: state.counsellorId ?? null,
        municipality: state.newcomer.municipality,
      }),
    ),
};
