import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { calendarDateAt } from '../../../../libs/domain/src';
import type {
  CaseloadEntry,
  CaseloadItem,
  TrajectoryQueries,
} from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { CaseloadQuery, caseloadFilterOf, WholeCaseloadQuery } from './dto/caseload.query';
import { PROBLEM_TYPES } from '../http/problem-details';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

export interface CaseloadPage {
  items: CaseloadEntry[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * The most cases one whole-caseload answer holds: a bound on what one request holds in memory (the rows, then their
 * JSON at ~320 bytes a case or their CSV at ~130; bench:reads). An agency may hold more (in the simulated year at
 * 102,362 open trajectories, AGII holds 77,562): the refusal asks to narrow the list, and each of AGII's attention
 * groups fits (the largest 36,828 cases).
 */
export const WHOLE_CASELOAD_MAX = 50_000;

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

  /** The whole caseload of the filters in one statement, for an export; refused beyond WHOLE_CASELOAD_MAX cases. */
  async whole(
    query: WholeCaseloadQuery,
    scope: ReadScope,
  ): Promise<{ items: CaseloadEntry[]; total: number }> {
    const filter = { ...caseloadFilterOf(query), scope, today: calendarDateAt(Date.now()) };
    const items = await this.queries.wholeCaseload(filter, WHOLE_CASELOAD_MAX);
    if (items === null) {
      throw new UnprocessableEntityException({
        ...PROBLEM_TYPES.listTooLarge,
        detail:
          `This caseload holds more than ${WHOLE_CASELOAD_MAX} cases, more than one export answers: ` +
          'narrow it by counsellorId, attention or status, or read it a page at a time (GET /caseload)',
        limit: WHOLE_CASELOAD_MAX,
      });
    }
    return { items, total: items.length };
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
