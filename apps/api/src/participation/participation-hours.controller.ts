import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListExport } from '../http/csv-export';
import { ValidationErrorBody } from '../http/error-bodies';
import { ParticipationHoursQuery } from './dto/participation-hours.query';
import { ParticipationHoursReport, ParticipationHoursService } from './participation-hours.service';
import { ParticipationHoursResponse } from './views/participation-hours.view';
import { Allow, CallerScope } from '../access/access.decorators';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

@ApiTags('participation')
@Controller('participation-hours')
export class ParticipationHoursController {
  constructor(private readonly participationHours: ParticipationHoursService) {}

  @Get()
  @Allow('participation-hours.list')
  @ApiOperation({
    summary:
      'Participation-and-network hours per municipality and activity kind, for municipality coordinators',
    description:
      'Counts the activities that ended within from..to (inclusive, on the end date), of open and closed ' +
      'trajectories alike, by the coordinating municipality logged with each activity.',
  })
  @ListExport({
    type: ParticipationHoursResponse,
    filename: 'participation-hours',
    columns: ['municipality', 'kind', 'hours', 'activities', 'trajectories'],
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'A filter is malformed, or to is before from',
  })
  report(
    @Query() query: ParticipationHoursQuery,
    @CallerScope() scope: ReadScope,
  ): Promise<ParticipationHoursReport> {
    return this.participationHours.report(query, scope);
  }
}
