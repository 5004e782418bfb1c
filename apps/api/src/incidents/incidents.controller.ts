import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { IncidentView } from '../../../../libs/store/src';
import { Allow } from '../access/access.decorators';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../http/command-context';
import { ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { IncidentResponse, IncidentRetryResponse } from './incident.view';
import { IncidentsService } from './incidents.service';
import { ListIncidentsQuery } from './list-incidents.query';
import type { RetryIncidentResult } from '../../../../workflows/src/incident-definitions';

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @Allow('incidents.manage')
  @ApiOperation({
    summary: 'Trajectories held by a failure, the oldest first',
    description:
      'A trajectory whose events could not be recorded after the retries (the database kept failing for a ' +
      'reason other than the data) holds that command and refuses others until an operator retries it.',
  })
  @ListExport({
    type: IncidentResponse,
    isArray: true,
    filename: 'incidents',
    columns: [
      'incidentId',
      'trajectoryId',
      'state',
      'commandType',
      'cause',
      'retries',
      'openedAt',
      'updatedAt',
      'resolvedAt',
    ],
  })
  list(@Query() query: ListIncidentsQuery): Promise<IncidentView[]> {
    return this.incidents.list(query.state ?? 'OPEN');
  }

  @Post(':incidentId/retry')
  @Allow('incidents.manage')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: "Retries an incident's held command, after the cause was fixed",
    description: 'Answers once the retry is done: resolved, or still open with the new cause.',
  })
  @ApiOkResponse({ type: IncidentRetryResponse })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'incidentId is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such incident' })
  @ApiConflictResponse({ type: ErrorBody, description: 'The incident is resolved already' })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'The trajectory service did not answer in time',
  })
  retry(
    @Param(
      'incidentId',
      new ParseUUIDPipe({
        exceptionFactory: () => badRequest([{ field: 'incidentId', reason: 'incidentId must be a UUID' }]),
      }),
    )
    incidentId: string,
    @CommandHeaders() context: CommandContext,
  ): Promise<RetryIncidentResult> {
    return this.incidents.retry(incidentId, context);
  }
}
