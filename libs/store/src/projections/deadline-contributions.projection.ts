import { deadlineStanding, fulfilledOn } from '../../../domain/src';
import { DeadlineContributionRecord } from '../entities';
import type { SummedReadModel } from './summed-read-models';

type Property = keyof DeadlineContributionRecord;
const MEASURES = [
  'fulfilledOnTime',
  'fulfilledLate',
  'missedUnfulfilled',
  'runningUnfulfilled',
] satisfies Property[];

/**
 * What each deadline adds to the monitoring's counts, by its standing (libs/domain `deadlineStanding`), with the
 * trajectory's agency, counsellor and municipality as they are now, as in the deadlines read model. Summed per
 * counsellor and per municipality (a grouping by both would have about as many rows as there are deadlines).
 */
export const deadlineContributions: SummedReadModel<DeadlineContributionRecord> = {
  entity: DeadlineContributionRecord,
  rows: ({ state }) =>
    state.deadlines.flatMap((deadline) => {
      const standing = deadlineStanding({ ...deadline, fulfilledOn: fulfilledOn(state, deadline) });
      if (standing === undefined) return [];
      return [
        Object.assign(new DeadlineContributionRecord(), {
          trajectoryId: state.trajectoryId,
          deadlineId: deadline.deadlineId,
          agency: state.agency,
          counsellorId: state.counsellorId ?? null,
          municipality: state.newcomer.municipality,
          kind: deadline.kind,
          dueMonth: standing === 'RUNNING_UNFULFILLED' ? `${deadline.dueOn.slice(0, 7)}-01` : null,
          fulfilledOnTime: standing === 'FULFILLED_ON_TIME' ? 1 : 0,
          fulfilledLate: standing === 'FULFILLED_LATE' ? 1 : 0,
          missedUnfulfilled: standing === 'MISSED_UNFULFILLED' ? 1 : 0,
          runningUnfulfilled: standing === 'RUNNING_UNFULFILLED' ? 1 : 0,
        }),
      ];
    }),
  sums: [
    {
      table: 'deadline_counts_by_counsellor',
      groupBy: ['agency', 'dueMonth', 'counsellorId', 'kind'] satisfies Property[],
      measures: MEASURES,
    },
    {
      table: 'deadline_counts_by_municipality',
      groupBy: ['agency', 'dueMonth', 'municipality', 'kind'] satisfies Property[],
      measures: MEASURES,
    },
  ],
};
