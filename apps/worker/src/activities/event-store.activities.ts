import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import {
  EventStore,
  IdempotencyKeyConflictError,
  IncidentStore,
  NewcomerHasActiveTrajectoryError,
  StreamVersionConflictError,
  toTrajectoryEvent,
  UnstorableEventDataError,
} from '../../../../libs/store/src';
import type {
  AppendEventsRequest,
  AppendEventsResult,
  IncidentReport,
  TrajectoryActivities,
} from '../../../../workflows/src/activities';
import { withoutPersonalData } from './failure-causes';

/**
 * The trajectory workflow's side effects: appending its events (and read models) to PostgreSQL, and reporting
 * incidents for operators. Failures leave as ApplicationFailures without personal data.
 */
@Injectable()
export class EventStoreActivities implements TrajectoryActivities {
  constructor(
    private readonly eventStore: EventStore,
    private readonly incidents: IncidentStore,
  ) {}

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
        error instanceof NewcomerHasActiveTrajectoryError ||
        error instanceof UnstorableEventDataError
      ) {
        throw ApplicationFailure.nonRetryable(error.message, error.name);
      }
      throw withoutPersonalData(error);
    }
  }

  async reportIncident(report: IncidentReport): Promise<void> {
    try {
      await this.incidents.report(report);
    } catch (error) {
      throw withoutPersonalData(error);
    }
  }
}

/** Temporal calls activities as plain functions: bind the methods of the injectable. */
export function activityFunctions(activities: EventStoreActivities): TrajectoryActivities {
  return {
    appendEvents: activities.appendEvents.bind(activities),
    reportIncident: activities.reportIncident.bind(activities),
  };
}
