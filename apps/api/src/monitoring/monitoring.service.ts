import { Injectable } from '@nestjs/common';
import { DEADLINE_BUCKETS, DeadlineBucket } from '../../../../libs/domain/src';
import {
  DeadlineCounts,
  DeadlineMonitoring,
  DeadlineTrendWeek,
  MonitoredCase,
} from '../../../../libs/store/src/queries/deadline-monitoring';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { DeadlineCasesQuery, DeadlineCountsQuery, DeadlineTrendQuery } from './dto/monitoring.query';
import {
  DeadlineCasesResponse,
  DeadlineCountsResponse,
  DeadlineTrendResponse,
} from './dto/monitoring.responses';

export const COUNT_COLUMNS: (keyof DeadlineCounts & string)[] = ['key', 'label', ...DEADLINE_BUCKETS];
export const TREND_COLUMNS: (keyof DeadlineTrendWeek & string)[] = [
  'week',
  'weekStart',
  'key',
  'label',
  'fallingDue',
  'metOnTime',
  'metLate',
  'missed',
  'pending',
];
export const CASE_COLUMNS: (keyof MonitoredCase & string)[] = [
  'trajectoryId',
  'deadlineId',
  'kind',
  'dueOn',
  'state',
  'fulfilledOn',
  'agency',
  'counsellorId',
  'officeId',
  'officeName',
  'municipality',
];

/** The monitoring views: the query's filters, the caller's scope, the store's SQL. */
@Injectable()
export class MonitoringService {
  constructor(private readonly monitoring: DeadlineMonitoring) {}

  async counts(query: DeadlineCountsQuery, scope: ReadScope): Promise<DeadlineCountsResponse> {
    const filter = { ...query.toFilter(), scope };
    const items = await this.monitoring.counts(filter, query.groupBy);
    const totals: Record<DeadlineBucket, number> = {
      overdue: 0,
      dueWithin7: 0,
      dueWithin30: 0,
      metLate: 0,
      metOnTime: 0,
    };
    for (const item of items) for (const bucket of DEADLINE_BUCKETS) totals[bucket] += item[bucket];
    return { asOn: filter.asOn, groupBy: query.groupBy, items, totals };
  }

  async trend(query: DeadlineTrendQuery, scope: ReadScope): Promise<DeadlineTrendResponse> {
    const filter = { ...query.toFilter(), scope };
    const items = await this.monitoring.trend(filter, query.weeks, query.groupBy);
    return {
      asOn: filter.asOn,
      weeks: query.weeks,
      ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
      items,
    };
  }

  async cases(query: DeadlineCasesQuery, scope: ReadScope): Promise<DeadlineCasesResponse> {
    const filter = { ...query.toFilter(), scope };
    const page = { limit: query.limit, offset: query.offset };
    const { items, total } = await this.monitoring.cases(filter, query.bucket, page);
    return { asOn: filter.asOn, bucket: query.bucket, items, total, ...page };
  }
}
