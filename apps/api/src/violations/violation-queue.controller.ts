import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListExport } from '../http/csv-export';
import { ValidationErrorBody } from '../http/error-bodies';
import { ListViolationsQuery } from './dto/list-violations.query';
import { ViolationQueueService, ViolationPage } from './violation-queue.service';
import { ViolationPageResponse } from './views/violation-list-item.view';
import { Allow, CallerScope } from '../access/access.decorators';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

@ApiTags('violations')
@Controller('violations')
export class ViolationQueueController {
  constructor(private readonly violations: ViolationQueueService) {}

  @Get()
  @Allow('violations.list')
  @ApiOperation({
    summary: "The enforcement officer's queue: violation files across trajectories, the oldest first",
    description:
      'Each file with the newcomer it is about, the owning agency and the trajectory status (a file outlives a ' +
      'closed trajectory). Decide a file with POST /trajectories/:id/violations/:violationId/decision.',
  })
  @ListExport({
    type: ViolationPageResponse,
    filename: 'violations',
    columns: [
      'violationId',
      'trajectoryId',
      'kind',
      'state',
      'openedAt',
      'agency',
      'counsellorId',
      'municipality',
      'nationalNumber',
      'givenName',
      'familyName',
      'trajectoryStatus',
      'decision',
      'amountEuro',
      'decidedOn',
    ],
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'A filter is malformed' })
  list(@Query() query: ListViolationsQuery, @CallerScope() scope: ReadScope): Promise<ViolationPage> {
    return this.violations.list(query, scope);
  }
}
