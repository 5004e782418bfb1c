import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CalendarDate, isCalendarDate } from '../../../../libs/domain/src';
import { nextActions } from '../../../../libs/domain/src/trajectory/next-actions';
import { trajectoryAsOf } from '../../../../libs/store/src/queries/trajectory-as-of';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope, CurrentPrincipal } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { trajectoryAsSeenBy } from '../access/trajectory-views';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { TRAJECTORY_ID } from '../trajectories/trajectory-routes';

/**
 * A trajectory as the system knew it at the end of a past day (issue 9 §3): `GET /trajectories/:id/as-of/:date`.
 * A path segment rather than `?asOf=` on GET /trajectories/:id, so that the current summary (read models) and the
 * historical one (a fold of the events) stay two routes with one job each.
 */
@ApiTags('trajectories')
@Controller('trajectories')
export class TrajectoryAsOfController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id/as-of/:date')
  @Allow('trajectory.read')
  @ApiOperation({
    summary: 'A trajectory as known at the end of a day: its events recorded by then, folded by the domain',
    description:
      'Events recorded after the day are ignored, corrections too: a correction recorded later changes the ' +
      'current summary, not this one. `corrections` lists those recorded by the day, with the value they replaced.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'date', format: 'date', description: 'YYYY-MM-DD, a day in Brussels' })
  @ApiOkResponse({ description: 'The trajectory as of the day, as the caller’s view shows it' })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'The id is not a UUID or the date not a date',
  })
  @ApiNotFoundResponse({
    type: ErrorBody,
    description: 'Unknown, outside the caller’s scope, or not yet opened then',
  })
  async asOf(
    @Param('id', TRAJECTORY_ID) id: string,
    @Param('date') date: string,
    @CallerScope() scope: ReadScope,
    @CurrentPrincipal() caller: Principal,
  ) {
    if (!isCalendarDate(date))
      throw badRequest([{ field: 'date', reason: 'date must be a real date written YYYY-MM-DD' }]);
    const result = await trajectoryAsOf(this.dataSource, id, date as CalendarDate, scope);
    if (!result.found) {
      throw new NotFoundException(
        result.reason === 'NOT_YET_OPENED'
          ? `trajectory ${id} had no recorded events by the end of ${date}`
          : `trajectory ${id} not found`,
      );
    }
    const { trajectory, eventsKnown, corrections } = result.asOf;
    const summary = { ...trajectory, nextActions: nextActions(trajectory, { today: date as CalendarDate }) };
    return { asOf: date, eventsKnown, corrections, trajectory: trajectoryAsSeenBy(caller, summary) };
  }
}
