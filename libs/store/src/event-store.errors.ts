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
