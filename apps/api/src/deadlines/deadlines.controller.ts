import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListExport } from '../http/csv-export';
import { ValidationErrorBody } from '../http/error-bodies';
import { DeadlinePage, DeadlinesService } from './deadlines.service';
import { ListDeadlinesQuery } from './dto/list-deadlines.query';
import { DeadlinePageResponse } from './views/deadline.view';
import { Allow, CallerScope } from '../access/access.decorators';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

@ApiTags('deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Get()
  @Allow('deadlines.list')
  @ApiOperation({ summary: 'Deadlines of all trajectories, filtered, ordered by due date' })
  @ListExport({
    type: DeadlinePageResponse,
    filename: 'deadlines',
    columns: [
      'deadlineId',
      'trajectoryId',
      'kind',
      'dueOn',
      'state',
      'metOn',
      'policyVersion',
      'source',
      'agency',
      'counsellorId',
      'municipality',
    ],
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'A filter is malformed' })
  list(@Query() query: ListDeadlinesQuery, @CallerScope() scope: ReadScope): Promise<DeadlinePage> {
    return this.deadlines.list(query, scope);
  }
}
