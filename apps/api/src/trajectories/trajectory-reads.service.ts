import { Inject, Injectable } from '@nestjs/common';
import { calendarDateAt } from '../../../../libs/domain/src';
import { NextAction, nextActions } from '../../../../libs/domain/src/trajectory/next-actions';
import type {
  TimelineEntry,
  TrajectoryQueries,
  TrajectorySummaryView,
} from '../../../../libs/store/src/read-models.types';
import { EVERYTHING, ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { trajectoryNotFound } from './command-failures';

/** The store's summary of a trajectory with what should happen next. */
export type TrajectorySummary = TrajectorySummaryView & { nextActions: NextAction[] };

/** What a counsellor reads about one trajectory, from the read models. */
@Injectable()
export class TrajectoryReadsService {
  constructor(@Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries) {}

  /**
   * `now` (epoch milliseconds) decides which open deadlines are described as overdue; a trajectory outside
   * `scope` is not found.
   */
  async summary(
    trajectoryId: string,
    now: number = Date.now(),
    scope: ReadScope = EVERYTHING,
  ): Promise<TrajectorySummary> {
    const trajectory = await this.queries.findTrajectory(trajectoryId, scope);
    if (!trajectory) throw trajectoryNotFound(trajectoryId);
    return { ...trajectory, nextActions: nextActions(trajectory, { today: calendarDateAt(now) }) };
  }

  async timeline(
    trajectoryId: string,
    scope: ReadScope = EVERYTHING,
  ): Promise<{ trajectoryId: string; events: TimelineEntry[] }> {
    const events = await this.queries.timeline(trajectoryId, scope);
    // A trajectory always starts with an event, so an empty stream is an unknown trajectory.
    if (events.length === 0) throw trajectoryNotFound(trajectoryId);
    return { trajectoryId, events };
  }
}
