import { Inject, Injectable } from '@nestjs/common';
import type {
  ParticipationHoursTotal,
  TrajectoryQueries,
} from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { ParticipationHoursQuery } from './dto/participation-hours.query';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

export interface ParticipationHoursReport {
  municipality: string | null;
  from: string | null;
  to: string | null;
  items: ParticipationHoursTotal[];
  hours: number;
  activities: number;
}

@Injectable()
export class ParticipationHoursService {
  constructor(@Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries) {}

  async report(query: ParticipationHoursQuery, scope: ReadScope): Promise<ParticipationHoursReport> {
    const filter = { ...query.toFilter(), scope };
    const items = await this.queries.participationHours(filter);
    return {
      municipality: filter.municipality ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      items,
      // Quarter hours add up exactly in binary floating point; rounding keeps any other input tidy.
      hours: Math.round(items.reduce((sum, item) => sum + item.hours, 0) * 100) / 100,
      activities: items.reduce((sum, item) => sum + item.activities, 0),
    };
  }
}
