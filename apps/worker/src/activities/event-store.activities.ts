import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import type { TrajectoryEvent } from '../../../../libs/domain/src';
import {
  EventStore,
  IdempotencyKeyConflictError,
  IncidentStore,
  NewcomerHasActiveTrajectoryError,
  readFoldedStream,
  recordedIdempotencyKeys,
  removeStartedWorkflow,
  StreamVersionConflictError,
  toTrajectoryEvent,
  UnstorableEventDataError,
} from '../../../../libs/store/src';
import type {
  AppendEventsRequest,
  AppendEventsResult,
  IncidentReport,
  ReadStreamAfterRequest,
  StreamStart,
  TrajectoryActivities,
} from '../../../../workflows/src/activities';
import { PROCESSED_COMMANDS_KEPT, typeFingerprint } from '../../../../workflows/src/processed-commands';
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
    private readonly dataSource: DataSource,
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

  async readStreamAfter({ streamId, version }: ReadStreamAfterRequest): Promise<TrajectoryEvent[]> {
    try {
      return (await this.eventStore.readStream(streamId, version + 1)).map(toTrajectoryEvent);
    } catch (error) {
      throw withoutPersonalData(error);
    }
  }

  /**
   * The folded stream, and the answers to its recorded keys (known by command type: the fields are not stored).
   * The workflow runs now: its queued start, if any, is removed.
   */
  async loadStream({ streamId }: { streamId: string }): Promise<StreamStart> {
    try {
      const [state, keys] = await Promise.all([
        readFoldedStream(this.dataSource, streamId),
        recordedIdempotencyKeys(this.dataSource, streamId, PROCESSED_COMMANDS_KEPT),
        removeStartedWorkflow(this.dataSource, streamId),
      ]);
      return {
        ...(state ? { state } : {}),
        processedCommands: keys.map((recorded) => ({
          key: recorded.key,
          fingerprint: typeFingerprint(recorded.commandType),
          result: { trajectoryId: streamId, version: recorded.version, events: recorded.eventTypes },
        })),
      };
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
    readStreamAfter: activities.readStreamAfter.bind(activities),
    loadStream: activities.loadStream.bind(activities),
  };
}
