import { fulfilledOn } from '../../../domain/src';
import { DeadlineRecord } from '../entities';
import type { ReadModel } from './projection';

/**
 * One row per deadline, with the trajectory's agency, counsellor and municipality as they are now (a transfer moves
 * them), so that deadline lists filter on one table.
 */
export const deadlines: ReadModel<DeadlineRecord> = {
  entity: DeadlineRecord,
  triggerKeptTotals: ['deadline_counts'], // migration ListCounts1797600000002
  rows: ({ streamId, state }) =>
    state.deadlines.map((deadline) => {
      if (deadline.anchor === undefined || deadline.anchorOn === undefined) {
        throw new Error(
          `deadline ${deadline.deadlineId} of stream ${streamId} has no anchor in its folded state`,
        );
      }
      return Object.assign(new DeadlineRecord(), {
        trajectoryId: state.trajectoryId,
        deadlineId: deadline.deadlineId,
        kind: deadline.kind,
        dueOn: deadline.dueOn,
        state: deadline.state,
        metOn: deadline.metOn ?? null,
        fulfilledOn: fulfilledOn(state, deadline) ?? null,
        anchor: deadline.anchor,
        anchorOn: deadline.anchorOn,
        policyVersion: deadline.policyVersion,
        source: deadline.source,
        agency: state.agency,
        counsellorId: state.counsellorId ?? null,
        municipality: state.newcomer.municipality,
      });
    }),
};
