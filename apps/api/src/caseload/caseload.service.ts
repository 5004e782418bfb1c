import { Inject, Injectable } from '@nestjs/common';
import { calendarDateAt } from '../../../../libs/domain/src';
import type {
  CaseloadEntry,
  CaseloadItem,
  TrajectoryQueries,
} from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { CaseloadQuery } from './dto/caseload.query';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

export interface CaseloadPage {
  items: CaseloadEntry[];
  total: number;
  limit: number;
  offset: number;
}

/** Who and which trajectory: what every role's view of a trajectory shows. */
export type TrajectorySearchHit = Pick<
  CaseloadItem,
  'trajectoryId' | 'givenName' | 'familyName' | 'status' | 'agency'
>;

@Injectable()
export class CaseloadService {
  constructor(@Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries) {}

  /** The attention groups are those of today in Brussels. */
  async list(query: CaseloadQuery, scope: ReadScope): Promise<CaseloadPage> {
    const filter = { ...query.toFilter(), scope, today: calendarDateAt(Date.now()) };
    const { items, total } = await this.queries.caseload(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** At most 20 trajectories within the caller's scope (in SQL) whose person matches the text. */
  async search(text: string, scope: ReadScope): Promise<{ items: TrajectorySearchHit[] }> {
    const found = await this.queries.searchTrajectories({ text, scope, limit: 20 });
    return {
      items: found.map(({ trajectoryId, givenName, familyName, status, agency }) => ({
        trajectoryId,
        givenName,
        familyName,
        status,
        agency,
      })),
    };
  }
}
