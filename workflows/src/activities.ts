import type { TrajectoryEvent, TrajectoryState } from '../../libs/domain/src';
import type { CommandMetadata } from './definitions';
import type { ProcessedCommand } from './processed-commands';

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

/** An incident as the workflow reports it to the operators' list (the latest report wins). */
export interface IncidentReport {
  incidentId: string;
  trajectoryId: string;
  state: 'OPEN' | 'RESOLVED';
  commandType: string;
  /** What failed, without personal data. */
  cause: string;
  retries: number;
  openedAt: string;
  updatedAt: string;
}

/** The events of a stream after `version`, in version order (what other writers appended meanwhile). */
export interface ReadStreamAfterRequest {
  streamId: string;
  version: number;
}

/** What a workflow started from its stream begins with. */
export interface StreamStart {
  /** The stream folded by the domain's `fold`; undefined for a stream without events. */
  state?: TrajectoryState;
  /** The answers to the Idempotency-Keys recorded on the stream (the latest ones), for retried commands. */
  processedCommands: ProcessedCommand[];
}

export interface TrajectoryActivities {
  /** Appends the events and updates the read models in one transaction; an identical retry writes nothing. */
  appendEvents(request: AppendEventsRequest): Promise<AppendEventsResult>;
  /** Records an incident's report for operators (GET /incidents). */
  reportIncident(report: IncidentReport): Promise<void>;
  /** The events appended after `version` (by another writer: a bulk load, a bulk link). */
  readStreamAfter(request: ReadStreamAfterRequest): Promise<TrajectoryEvent[]>;
  /** The stream's folded state and recorded Idempotency-Keys, for a workflow started from its stream. */
  loadStream(request: { streamId: string }): Promise<StreamStart>;
}

/** Another writer appended at the version the workflow appended at: it catches up and decides again. */
export const STREAM_VERSION_CONFLICT = 'StreamVersionConflictError';

/** The store refused a second trajectory that is not closed for the same newcomer (a race the API cannot see). */
export const NEWCOMER_HAS_ACTIVE_TRAJECTORY = 'NewcomerHasActiveTrajectoryError';

/** PostgreSQL refused a value of the events (SQLSTATE class 22, e.g. a NUL character in text). */
export const UNSTORABLE_EVENT_DATA = 'UnstorableEventDataError';

/** Error types the event store raises that no retry can fix. */
export const NON_RETRYABLE_APPEND_ERRORS = [
  STREAM_VERSION_CONFLICT,
  'IdempotencyKeyConflictError',
  NEWCOMER_HAS_ACTIVE_TRAJECTORY,
  UNSTORABLE_EVENT_DATA,
];
