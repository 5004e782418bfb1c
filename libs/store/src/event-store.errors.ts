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
