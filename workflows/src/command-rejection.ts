import { ApplicationFailure } from '@temporalio/common';
import { because, REJECTION_CODES, type Rejection } from '../../libs/domain/src';
import { COMMAND_REJECTED } from './definitions';

/** The failure an update's handler throws for the rules' refusal: its clients read it back with rejectionOfFailure. */
export function commandRejected(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({
    type: COMMAND_REJECTED,
    message: rejection.message,
    details: [rejection],
    nonRetryable: true,
  });
}

/**
 * The rules' refusal a workflow's update failed with (an ApplicationFailure of type COMMAND_REJECTED, the
 * rejection its first detail), for the clients that sent the update; undefined for any other failure.
 * A refusal from a worker older than the reasons carries none: its code, text and field stand as they came,
 * as COMMAND_REFUSED.
 */
export function rejectionOfFailure(failure: unknown): Rejection | undefined {
  if (!(failure instanceof ApplicationFailure) || failure.type !== COMMAND_REJECTED) return undefined;
  const detail: unknown = failure.details?.[0];
  if (!isRejectionShaped(detail)) return because('COMMAND_REFUSED', { detail: failure.message });
  if (typeof detail.reason === 'string' && typeof detail.params === 'object' && detail.params !== null)
    return detail as Rejection;
  return {
    ...because('COMMAND_REFUSED', { detail: detail.message }),
    code: detail.code,
    ...(detail.field === undefined ? {} : { field: detail.field }),
  };
}

function isRejectionShaped(
  value: unknown,
): value is Pick<Rejection, 'code' | 'message' | 'field'> & { reason?: unknown; params?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, field } = value as Record<string, unknown>;
  return (
    REJECTION_CODES.includes(code as Rejection['code']) &&
    typeof message === 'string' &&
    (field === undefined || typeof field === 'string')
  );
}
