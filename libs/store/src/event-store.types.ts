import type { TrajectoryEvent, TrajectoryState } from '../../domain/src';

/** Who and what caused an event; stored beside it as `metadata`. */
export interface EventMetadata {
  /** The verified caller's subject (token `sub`), or the system for what the workflow does by itself. */
  actor: string;
  /** The caller's role and organisation, from the same access token. */
  actorRole?: string;
  actorOrganisation?: string;
  /** The client's Idempotency-Key of the command that produced the event. */
  idempotencyKey?: string;
  /** The command (update id) that produced the event. */
  causationId?: string;
  /** Ties together everything one request set in motion. */
  correlationId?: string;
  commandType?: string;
}

export interface AppendRequest {
  streamId: string;
  /** The stream's version before these events (0 for a new stream); the events get expectedVersion+1, +2, ... */
  expectedVersion: number;
  events: TrajectoryEvent[];
  metadata: EventMetadata;
}

export interface AppendResult {
  streamId: string;
  firstVersion: number;
  lastVersion: number;
  /** True when the same events were already stored (a retry): nothing was written. */
  duplicate: boolean;
}

export interface StoredEvent {
  position: string;
  streamId: string;
  version: number;
  type: TrajectoryEvent['type'];
  schemaVersion: number;
  data: TrajectoryEvent['data'];
  occurredAt: string;
  metadata: EventMetadata;
  recordedAt: string;
}

/** Why a request of `appendMany` was refused; nothing of it is written. */
export type AppendRefusal =
  /** The newcomer already has a trajectory that is not closed (the one-active-trajectory-per-newcomer index). */
  | 'NEWCOMER_HAS_ACTIVE_TRAJECTORY'
  /** The idempotency key was used on the stream for other events. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** PostgreSQL cannot hold a value of the events (SQLSTATE class 22). */
  | 'UNSTORABLE_EVENT_DATA'
  /** The domain cannot fold the events onto the stream. */
  | 'UNPROJECTABLE_EVENTS'
  /** The request is malformed (no events, no actor, a negative version...). */
  | 'INVALID_APPEND';

/** The outcome of one request of `appendMany`, in the order of the requests. */
/** What a caller of `appendMany` already knows of the streams. */
export interface AppendManyOptions {
  /**
   * Folded states the caller read from trajectory_states, by stream id (e.g. to decide the events): a stream whose
   * stored state is still at the same version is not read again, only its version checked.
   */
  knownStates?: ReadonlyMap<string, TrajectoryState>;
}

export type AppendManyResult =
  | (AppendResult & { status: 'appended' })
  /** A retry of an append already stored: nothing was written. */
  | (AppendResult & { status: 'duplicate' })
  /** Another writer (e.g. the workflow) holds the expected versions: reload the stream and decide again. */
  | { status: 'conflict'; streamId: string; expectedVersion: number; actualVersion: number }
  /** The message names the condition, never personal data. */
  | { status: 'refused'; streamId: string; reason: AppendRefusal; message: string };
