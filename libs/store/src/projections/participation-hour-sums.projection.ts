import { ParticipationHourSumRecord } from '../entities';
import type { ReadModel } from './projection';

/** A trajectory's participation hours summed per coordinating municipality and kind (see the entity). */
export const participationHourSums: ReadModel<ParticipationHourSumRecord> = {
  entity: ParticipationHourSumRecord,
  triggerKeptTotals: ['participation_hour_totals'], // migration ParticipationHourTotals1797600000000
  rows: ({ state }) => {
    const sums = new Map<string, ParticipationHourSumRecord>();
    for (const activity of state.pillars?.PARTICIPATION.activities ?? []) {
      const key = JSON.stringify([activity.municipality, activity.kind]);
      const sum =
        sums.get(key) ??
        Object.assign(new ParticipationHourSumRecord(), {
          trajectoryId: state.trajectoryId,
          municipality: activity.municipality,
          kind: activity.kind,
          agency: state.agency,
          residence: state.newcomer.municipality,
          hours: 0,
          activities: 0,
        });
      sum.hours = Math.round((sum.hours + activity.hours) * 100) / 100;
      sum.activities += 1;
      sums.set(key, sum);
    }
    return [...sums.values()];
  },
};
