import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CheckedTrajectoryRequest, principalOf } from '../access/access.decorators';
import type { TrajectoryStatusView } from '../../../../libs/store/src/read-models.types';
import type { Principal } from '../access/principal';
import { badRequest, Violation } from './validation-errors';

/**
 * Who sent a command (the verified token's subject, role and organisation, never a header the client chooses) and
 * how to recognise its retries; becomes the command's metadata.
 */
export interface CommandContext {
  actor: Principal;
  idempotencyKey?: string;
  correlationId: string;
  /** The trajectory of the route's `:id` as the access check read it just before (saves reading it again). */
  trajectory?: TrajectoryStatusView;
}

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REQUEST_ID_HEADER = 'X-Request-Id';
export const MAX_HEADER_VALUE_LENGTH = 200;

const PRINTABLE = /^[\x20-\x7e]+$/;

/** Reads the command headers; a malformed Idempotency-Key is a 400 like any other bad field. */
export function commandContextFrom(headers: IncomingHttpHeaders, actor: Principal): CommandContext {
  const violations: Violation[] = [];
  const idempotencyKey = header(headers, IDEMPOTENCY_KEY_HEADER);
  for (const [name, value] of [[IDEMPOTENCY_KEY_HEADER, idempotencyKey]] as const) {
    if (value === undefined) continue;
    if (!value.trim()) violations.push({ field: name, reason: `${name} must not be empty` });
    else if (value.length > MAX_HEADER_VALUE_LENGTH) {
      violations.push({
        field: name,
        reason: `${name} must be at most ${MAX_HEADER_VALUE_LENGTH} characters`,
      });
    } else if (!PRINTABLE.test(value)) {
      violations.push({ field: name, reason: `${name} must contain printable ASCII characters only` });
    }
  }
  if (violations.length) throw badRequest(violations);
  // A request id is for tracing only: one that is missing or unusable is replaced rather than refused.
  const requestId = header(headers, REQUEST_ID_HEADER);
  const correlationId =
    requestId && requestId.length <= MAX_HEADER_VALUE_LENGTH && PRINTABLE.test(requestId)
      ? requestId
      : randomUUID();
  return {
    actor,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    correlationId,
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export const CommandHeaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<CheckedTrajectoryRequest>();
    const commandContext = commandContextFrom(request.headers as IncomingHttpHeaders, principalOf(context));
    return request.checkedTrajectory
      ? { ...commandContext, trajectory: request.checkedTrajectory }
      : commandContext;
  },
);

export function ApiCommandHeaders(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Makes a retry safe: the same key with the same body answers the first outcome and records nothing new; ' +
        `the same key with another body is refused (422). At most ${MAX_HEADER_VALUE_LENGTH} printable characters.`,
    }),
    ApiHeader({
      name: REQUEST_ID_HEADER,
      required: false,
      description: 'Correlation id recorded with the events.',
    }),
  );
}
