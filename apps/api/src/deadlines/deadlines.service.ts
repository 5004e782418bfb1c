import { Inject, Injectable } from '@nestjs/common';
import type { DeadlineView, TrajectoryQueries } from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { ListDeadlinesQuery } from './dto/list-deadlines.query';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

export interface DeadlinePage {
  items: DeadlineView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class DeadlinesService {
  constructor(@Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries) {}

  async list(query: ListDeadlinesQuery, scope: ReadScope): Promise<DeadlinePage> {
    const filter = { ...query.toFilter(), scope };
    const { items, total } = await this.queries.listDeadlines(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
