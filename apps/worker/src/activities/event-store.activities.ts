import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import {
  EventStore,
  IdempotencyKeyConflictError,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  toTrajectoryEvent,
} from '../../../../libs/store/src';
import type {
  AppendEventsRequest,
  AppendEventsResult,
  TrajectoryActivities,
} from '../../../../workflows/src/activities';

/** The trajectory workflow's only side effect: appending its events (and read models) to PostgreSQL. */
@Injectable()
export class EventStoreActivities implements TrajectoryActivities {
  constructor(private readonly eventStore: EventStore) {}

  async appendEvents(request: AppendEventsRequest): Promise<AppendEventsResult> {
    try {
      const { firstVersion, lastVersion, duplicate } = await this.eventStore.append(request);
      // A retry that found its events already stored answers with those, exactly as they were written.
      const events = duplicate
        ? (await this.eventStore.readStream(request.streamId, firstVersion))
            .filter((event) => event.version <= lastVersion)
            .map(toTrajectoryEvent)
        : request.events;
      return { firstVersion, lastVersion, duplicate, events };
    } catch (error) {
      if (
        error instanceof StreamVersionConflictError ||
        error instanceof IdempotencyKeyConflictError ||
        error instanceof NewcomerHasActiveTrajectoryError
      ) {
        throw ApplicationFailure.nonRetryable(error.message, error.name);
      }
      throw error;
    }
  }
}

/** Temporal calls activities as plain functions: bind the methods of the injectable. */
export function activityFunctions(activities: EventStoreActivities): TrajectoryActivities {
  return { appendEvents: activities.appendEvents.bind(activities) };
}
