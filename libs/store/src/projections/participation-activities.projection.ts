import { ParticipationActivityRecord } from '../entities';
import type { ReadModel } from './projection';

/** One row per logged participation activity, for the municipalities' reports on participation hours. */
export const participationActivities: ReadModel<ParticipationActivityRecord> = {
  entity: ParticipationActivityRecord,
  rows: ({ state }) =>
    (state.pillars?.PARTICIPATION.activities ?? []).map((activity) =>
      Object.assign(new ParticipationActivityRecord(), {
        trajectoryId: state.trajectoryId,
        activityId: activity.activityId,
        kind: activity.kind,
        hours: activity.hours,
        startedOn: activity.startedOn,
        endedOn: activity.endedOn,
        organisation: activity.organisation,
        municipality: activity.municipality,
        participantFeedback: activity.participantFeedback ?? null,
        organisationFeedback: activity.organisationFeedback ?? null,
      }),
    ),
};
