import { applyDecorators, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Pillar, PILLARS } from '../../../../libs/domain/src';
import { ApiCommandHeaders } from '../http/command-context';
import { ErrorBody, RejectionErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { CommandResultView } from './views/command-result.view';

/** What the controllers of the trajectories module share: the id parameter and the answers of a command. */

export const TRAJECTORY_ID = new ParseUUIDPipe({
  exceptionFactory: () => badRequest([{ field: 'id', reason: 'id must be a UUID' }]),
});

export const MAX_VIOLATION_ID_LENGTH = 200;

const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * A violation id from the path, e.g. `<trajectoryId>:violation:1` (its colons may come URL-encoded). Only its
 * form is checked here: whether the trajectory has such a violation is for the trajectory to say (422).
 */
export const VIOLATION_ID: PipeTransform<string, string> = {
  transform(value: string): string {
    const field = 'violationId';
    if (!/\S/.test(value)) throw badRequest([{ field, reason: 'violationId must not be blank' }]);
    if (value.length > MAX_VIOLATION_ID_LENGTH) {
      throw badRequest([
        { field, reason: `violationId must be at most ${MAX_VIOLATION_ID_LENGTH} characters` },
      ]);
    }
    if (!PRINTABLE.test(value))
      throw badRequest([{ field, reason: 'violationId must contain printable ASCII characters only' }]);
    return value;
  },
};

/** A pillar from the path: MO, NT2, WORK or PARTICIPATION. */
export const PILLAR: PipeTransform<string, Pillar> = {
  transform(value: string): Pillar {
    if (!(PILLARS as readonly string[]).includes(value)) {
      throw badRequest([
        { field: 'pillar', reason: `pillar must be one of the following values: ${PILLARS.join(', ')}` },
      ]);
    }
    return value as Pillar;
  },
};

/** Every command on an existing trajectory answers the same ways. */
export function ApiTrajectoryCommandResponses() {
  return applyDecorators(
    ApiParam({ name: 'id', format: 'uuid', description: 'The trajectory id' }),
    ApiCommandHeaders(),
    ApiOkResponse({
      type: CommandResultView,
      description: 'The command was accepted and its events recorded',
    }),
    ApiBadRequestResponse({
      type: ValidationErrorBody,
      description: 'A field, header or the id is malformed',
    }),
    ApiNotFoundResponse({ type: ErrorBody, description: 'No such trajectory' }),
    ApiConflictResponse({
      type: RejectionErrorBody,
      description: 'The trajectory is closed, or not at a stage where this fits',
    }),
    ApiUnprocessableEntityResponse({
      type: RejectionErrorBody,
      description: "The trajectory's rules refuse the command",
    }),
    ApiServiceUnavailableResponse({
      type: ErrorBody,
      description: 'No outcome in time; retry with the same Idempotency-Key',
    }),
  );
}
