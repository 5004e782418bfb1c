import type { TrajectoryEvent } from '../../libs/domain/src';
import type { CommandMetadata } from './definitions';

/**
 * The activities a trajectory workflow calls. Implemented by the worker (apps/worker) on the event store;
 * declared here so workflow code depends on nothing but the domain and the Temporal workflow API.
 */
export interface AppendEventsRequest {
  streamId: string;
  expectedVersion: number;
  events: TrajectoryEvent[];
  metadata: CommandMetadata & { causationId?: string; commandType?: string };
}

export interface AppendEventsResult {
  firstVersion: number;
  lastVersion: number;
  duplicate: boolean;
  /**
   * The events as stored. The workflow folds these, not the ones it decided: on replay they come from history,
   * so the workflow's state stays equal to the event store even after the domain's rules have changed.
   * Absent in histories recorded before it existed.
   */
  events?: TrajectoryEvent[];
}

export interface TrajectoryActivities {
  /** Appends the events and updates the read models in one transaction; an identical retry writes nothing. */
  appendEvents(request: AppendEventsRequest): Promise<AppendEventsResult>;
}

/** The store refused a second trajectory that is not closed for the same newcomer (a race the API cannot see). */
export const NEWCOMER_HAS_ACTIVE_TRAJECTORY = 'NewcomerHasActiveTrajectoryError';

/** Error types the event store raises that no retry can fix. */
export const NON_RETRYABLE_APPEND_ERRORS = [
  'StreamVersionConflictError',
  'IdempotencyKeyConflictError',
  NEWCOMER_HAS_ACTIVE_TRAJECTORY,
];
