import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope } from '../access/access.decorators';
import { ListExport } from '../http/csv-export';
import { ValidationErrorBody } from '../http/error-bodies';
import { DeadlineCasesQuery, DeadlineCountsQuery, DeadlineTrendQuery } from './dto/monitoring.query';
import {
  DeadlineCasesResponse,
  DeadlineCountsResponse,
  DeadlineTrendResponse,
} from './dto/monitoring.responses';
import { CASE_COLUMNS, COUNT_COLUMNS, MonitoringService, TREND_COLUMNS } from './monitoring.service';

/**
 * Deadline monitoring for managers (issue 9 §1): how many deadlines are overdue, due within 7 and 30 days, met late
 * and met on time, per agency, office, counsellor or municipality; their trend per ISO week; and the cases behind a
 * count. The definitions are libs/domain deadline-outcome.ts; every view is JSON or CSV.
 */
@ApiTags('monitoring')
@Controller('monitoring/deadlines')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get()
  @Allow('monitoring.read')
  @ApiOperation({
    summary: 'Deadline counts per agency, office, counsellor or municipality',
    description:
      'overdue: running (not suspended or waived), not fulfilled by asOn, due before asOn. dueWithin7/dueWithin30: ' +
      'running, not fulfilled, due on asOn or in the next 7/30 days (30 includes 7). metOnTime/metLate: fulfilled ' +
      'by asOn, on or before / after the due date. `key` null: no counsellor, or a counsellor in no office.',
  })
  @ListExport({ type: DeadlineCountsResponse, filename: 'deadline-counts', columns: COUNT_COLUMNS })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'A parameter is malformed; each one is named',
  })
  counts(
    @Query() query: DeadlineCountsQuery,
    @CallerScope() scope: ReadScope,
  ): Promise<DeadlineCountsResponse> {
    return this.monitoring.counts(query, scope);
  }

  @Get('trend')
  @Allow('monitoring.read')
  @ApiOperation({
    summary: 'Per ISO week (the due date’s), the deadlines falling due and how they turned out',
    description:
      'fallingDue = metOnTime + metLate + missed + pending, as known on asOn; suspended and waived deadlines do not ' +
      'fall due. The last week is the one asOn lies in; weeks without deadlines are listed with zeros.',
  })
  @ListExport({ type: DeadlineTrendResponse, filename: 'deadline-trend', columns: TREND_COLUMNS })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  trend(@Query() query: DeadlineTrendQuery, @CallerScope() scope: ReadScope): Promise<DeadlineTrendResponse> {
    return this.monitoring.trend(query, scope);
  }

  @Get('cases')
  @Allow('monitoring.read')
  @ApiOperation({
    summary: 'The cases behind a count: one row per deadline in the bucket, by due date',
    description: 'No personal data beyond the trajectory id: open the trajectory for the newcomer.',
  })
  @ListExport({ type: DeadlineCasesResponse, filename: 'deadline-cases', columns: CASE_COLUMNS })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  cases(@Query() query: DeadlineCasesQuery, @CallerScope() scope: ReadScope): Promise<DeadlineCasesResponse> {
    return this.monitoring.cases(query, scope);
  }
}
