import { ParticipationActivityRecord } from '../entities';
import { Projection, trajectoryOfStream } from './projection';

/** One row per logged participation activity, for the municipalities' reports on participation hours. */
export const projectParticipationActivities: Projection = async (event, manager) => {
  if (event.type !== 'ParticipationActivityLogged') return;
  const { trajectoryId } = await trajectoryOfStream(manager, event);
  const activity = event.data;
  await manager.insert(ParticipationActivityRecord, {
    trajectoryId,
    activityId: activity.activityId,
    kind: activity.kind,
    hours: activity.hours,
    startedOn: activity.startedOn,
    endedOn: activity.endedOn,
    organisation: activity.organisation,
    municipality: activity.municipality,
    participantFeedback: activity.participantFeedback ?? null,
    organisationFeedback: activity.organisationFeedback ?? null,
  });
};
