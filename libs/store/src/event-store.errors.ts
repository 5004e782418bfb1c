import { QueryFailedError } from 'typeorm';

/**
 * The stream is not at the version the writer expected: someone else wrote first, or the writer's state is stale.
 * Retrying the same append cannot succeed; the writer must reload the stream.
 */
export class StreamVersionConflictError extends Error {
  override name = 'StreamVersionConflictError';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamId}: expected version ${expectedVersion}, but the stream is at version ${actualVersion}` +
        (actualVersion > expectedVersion ? ' with different events at the expected versions' : ''),
      options,
    );
  }
}

/** The idempotency key was already used on the stream for different events: a client reused a key for a new request. */
export class IdempotencyKeyConflictError extends Error {
  override name = 'IdempotencyKeyConflictError';

  constructor(
    readonly streamId: string,
    readonly idempotencyKey: string,
    options?: ErrorOptions,
  ) {
    super(
      `idempotency key "${idempotencyKey}" was already used on stream ${streamId} for different events`,
      options,
    );
  }
}

/** The newcomer already has a trajectory that is not closed; a second one is refused by the store. */
export class NewcomerHasActiveTrajectoryError extends Error {
  override name = 'NewcomerHasActiveTrajectoryError';

  constructor(
    readonly streamId: string,
    options?: ErrorOptions,
  ) {
    super(
      'the newcomer already has a trajectory that is not closed; it must be closed before another is opened',
      options,
    );
  }
}

/**
 * PostgreSQL refused a value of the events (a data exception, SQLSTATE class 22: a NUL character or a lone
 * surrogate in text, a number out of range...). Retrying the same append cannot succeed. The message names the
 * condition, never the value.
 */
export class UnstorableEventDataError extends Error {
  override name = 'UnstorableEventDataError';

  constructor(
    readonly streamId: string,
    readonly sqlState: string,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamId}: the store cannot hold a value of these events ` +
        `(SQLSTATE ${sqlState}${DATA_EXCEPTIONS[sqlState] ? `: ${DATA_EXCEPTIONS[sqlState]}` : ''})`,
      options,
    );
  }
}

/** SQLSTATE class 22 conditions worth naming (PostgreSQL Appendix A). */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22000': 'data exception',
  '22001': 'string data right truncation',
  '22003': 'numeric value out of range',
  '22007': 'invalid datetime format',
  '22008': 'datetime field overflow',
  '22021': 'character not in repertoire',
  '22P02': 'invalid text representation',
  '22P05': 'untranslatable character',
  '22023': 'invalid parameter value',
  '22030': 'duplicate JSON object key value',
  '22032': 'invalid JSON text',
};

/** PostgreSQL's data exceptions (class 22): the data is wrong, not the moment. */
export function isDataException(sqlState: unknown): sqlState is string {
  return typeof sqlState === 'string' && sqlState.startsWith('22');
}

const STREAM_VERSION_CONSTRAINT = 'events_stream_version_unique';
const UNIQUE_VIOLATION = '23505';
const ONE_ACTIVE_TRAJECTORY_CONSTRAINT = 'trajectory_summaries_one_active_per_newcomer';

/** The SQLSTATE of a failed query, if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** The store's unique index refused a second trajectory that is not closed for the same newcomer. */
export function isSecondActiveTrajectory(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === ONE_ACTIVE_TRAJECTORY_CONSTRAINT;
}

/** Another append holds the versions. */
export function isStreamVersionTaken(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === STREAM_VERSION_CONSTRAINT;
}
