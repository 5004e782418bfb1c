import { HttpException, HttpStatus, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { because, type Rejection, type RejectionCode } from '../../../../libs/domain/src';
import type { TrajectoryStatusView } from '../../../../libs/store/src/read-models.types';
import { rejectionOfFailure } from '../../../../workflows/src/command-rejection';

const REJECTION_STATUS: Record<RejectionCode, HttpStatus> = {
  INVALID_STATE: HttpStatus.CONFLICT,
  INVALID_INPUT: HttpStatus.UNPROCESSABLE_ENTITY,
  RULE_VIOLATION: HttpStatus.UNPROCESSABLE_ENTITY,
};

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_FAILED_PRECONDITION = 9;
/** Temporal refuses updates for a moment while the workflow's task is being retried (e.g. its worker died). */
const UPDATE_NOT_NOW = /Workflow Task in failed state|Update-with-Start could not be executed/;

/** A command the trajectory's rules refused, answered with the domain's reason. */
export class CommandRejectedException extends HttpException {
  /** `extensions`: more members of the problem details (e.g. the id of the trajectory in the way). */
  constructor(
    readonly rejection: Rejection,
    extensions: Record<string, unknown> = {},
  ) {
    const status = REJECTION_STATUS[rejection.code];
    super(
      {
        statusCode: status,
        error: status === HttpStatus.CONFLICT ? 'Conflict' : 'Unprocessable Entity',
        code: rejection.code,
        message: rejection.message,
        ...(rejection.field === undefined ? {} : { field: rejection.field }),
        reason: rejection.reason,
        params: rejection.params,
        ...extensions,
      },
      status,
    );
  }
}

export function trajectoryNotFound(trajectoryId: string): NotFoundException {
  return new NotFoundException(`trajectory ${trajectoryId} not found`);
}

/** The trajectory's workflow has ended: nothing more can be recorded on it. */
export function trajectoryClosed(trajectory: TrajectoryStatusView): CommandRejectedException {
  const { trajectoryId, closureReason, closedOn } = trajectory;
  // As the domain refuses a command on a closed trajectory, when the read model knows why it closed.
  return new CommandRejectedException(
    closureReason && closedOn
      ? because('TRAJECTORY_CLOSED', { closureReason, closedOn })
      : because('TRAJECTORY_ENDED', { trajectoryId }),
  );
}

/**
 * Translates what the Temporal client throws for a command into the HTTP answer; undefined for anything
 * unexpected, which is left to surface as a 500.
 * `trajectory` is the read model's view of the target, or null when the read model does not know it yet.
 */
export function commandFailureToHttp(
  error: unknown,
  trajectoryId: string,
  trajectory: TrajectoryStatusView | null,
): HttpException | undefined {
  if (error instanceof WorkflowUpdateFailedError) {
    const rejection = rejectionOfFailure(error.cause);
    return rejection ? new CommandRejectedException(rejection) : undefined;
  }
  if (error instanceof WorkflowNotFoundError) {
    // Temporal answers "workflow execution already completed" for an update sent to a workflow that ended,
    // which for a trajectory means it was closed.
    if (trajectory) return trajectoryClosed(trajectory);
    return trajectoryNotFound(trajectoryId);
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    // Only a create can meet this: its workflow id, derived from the Idempotency-Key, belongs to a run that
    // has ended, and ids of ended trajectories are never reused.
    return new CommandRejectedException(because('TRAJECTORY_OF_KEY_ENDED', { trajectoryId }));
  }
  if (
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isTemporalUnavailable(error) ||
    isUpdateRefusedForNow(error)
  ) {
    return new ServiceUnavailableException(
      'the trajectory service did not answer in time; retry the request with the same Idempotency-Key',
    );
  }
  return undefined;
}

function isUpdateRefusedForNow(error: unknown): boolean {
  const grpcError = error instanceof ServiceError ? (error.cause ?? error) : error;
  return (
    (isGrpcServiceError(grpcError) &&
      grpcError.code === GRPC_FAILED_PRECONDITION &&
      UPDATE_NOT_NOW.test(grpcError.details ?? grpcError.message)) ||
    (error instanceof Error && UPDATE_NOT_NOW.test(error.message))
  );
}

function isTemporalUnavailable(error: unknown): boolean {
  const grpcError = error instanceof ServiceError ? error.cause : error;
  return (
    isGrpcServiceError(grpcError) &&
    (grpcError.code === GRPC_UNAVAILABLE || grpcError.code === GRPC_DEADLINE_EXCEEDED)
  );
}
