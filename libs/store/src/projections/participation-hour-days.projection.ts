import { ParticipationHourDayRecord } from '../entities';
import type { ReadModel } from './projection';

/** A trajectory's participation hours per coordinating municipality, kind and end day (see the entity). */
export const participationHourDays: ReadModel<ParticipationHourDayRecord> = {
  entity: ParticipationHourDayRecord,
  triggerKeptTotals: ['participation_hour_months'], // migration ParticipationHourMonths1798400000001
  rows: ({ state }) => {
    const days = new Map<string, ParticipationHourDayRecord>();
    for (const activity of state.pillars?.PARTICIPATION.activities ?? []) {
      const key = JSON.stringify([activity.municipality, activity.kind, activity.endedOn]);
      const day =
        days.get(key) ??
        Object.assign(new ParticipationHourDayRecord(), {
          trajectoryId: state.trajectoryId,
          municipality: activity.municipality,
          kind: activity.kind,
          day: activity.endedOn,
          previousDay: null,
          agency: state.agency,
          residence: state.newcomer.municipality,
          hours: 0,
          activities: 0,
        });
      day.hours = Math.round((day.hours + activity.hours) * 100) / 100;
      day.activities += 1;
      days.set(key, day);
    }
    const rows = [...days.values()].sort(
      (a, b) => compare(a.municipality, b.municipality) || compare(a.kind, b.kind) || compare(a.day, b.day),
    );
    rows.forEach((row, index) => {
      const previous = rows[index - 1];
      if (previous && previous.municipality === row.municipality && previous.kind === row.kind)
        row.previousDay = previous.day;
    });
    return rows;
  },
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
