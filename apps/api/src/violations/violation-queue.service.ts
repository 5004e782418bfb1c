import { Inject, Injectable } from '@nestjs/common';
import type { TrajectoryQueries, ViolationListItem } from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { ListViolationsQuery } from './dto/list-violations.query';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

export interface ViolationPage {
  items: ViolationListItem[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class ViolationQueueService {
  constructor(@Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries) {}

  async list(query: ListViolationsQuery, scope: ReadScope): Promise<ViolationPage> {
    const filter = { ...query.toFilter(), scope };
    const { items, total } = await this.queries.listViolations(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
