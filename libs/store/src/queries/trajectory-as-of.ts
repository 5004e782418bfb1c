import type { DataSource } from 'typeorm';
import { CalendarDate, evolve, FactCorrected, TrajectoryState } from '../../../domain/src';
import { EventColumns, toTrajectoryEvent } from '../projections/folded-streams';
import type { FoldedStream } from '../projections/projection';
import { deadlines } from '../projections/deadlines.projection';
import { pillars } from '../projections/pillars.projection';
import { trajectorySummaries } from '../projections/trajectory-summary.projection';
import { violations } from '../projections/violations.projection';
import type { TrajectorySummaryView } from '../read-models.types';
import { positional, ReadScope, scopeCondition } from './read-scope';
import { toTrajectorySummaryView } from './view-mappers';

/** A correction as recorded: the fact, the value it replaced and the new one, and when it was recorded. */
export interface RecordedCorrection {
  fact: FactCorrected['data']['fact'];
  previousDate: CalendarDate;
  correctedDate: CalendarDate;
  reason: string;
  recordedAt: string;
}

export interface TrajectoryAsOf {
  asOf: CalendarDate;
  /** The trajectory as the same read-model mappings show it, from the state folded by the end of `asOf`. */
  trajectory: TrajectorySummaryView;
  /** Events recorded by then (the stream's version at the end of that day). */
  eventsKnown: number;
  /** Corrections recorded by then: shown as corrections, beside the value they replaced. */
  corrections: RecordedCorrection[];
}

export type TrajectoryAsOfResult =
  { found: true; asOf: TrajectoryAsOf } | { found: false; reason: 'NOT_IN_SCOPE' | 'NOT_YET_OPENED' };

/**
 * A trajectory as the system knew it at the end of `asOf` (Brussels): its events recorded by then, folded with the
 * domain's `evolve` and mapped by the read models' own mappings. Whether the caller may see it is decided on the
 * trajectory as it is now (the read scope, in SQL).
 */
export async function trajectoryAsOf(
  dataSource: DataSource,
  trajectoryId: string,
  asOf: CalendarDate,
  scope: ReadScope,
): Promise<TrajectoryAsOfResult> {
  const parameters: unknown[] = [trajectoryId];
  const [summary] = await dataSource.query<{ stream_id: string }[]>(
    `SELECT summary.stream_id FROM trajectory_summaries summary
      WHERE summary.trajectory_id = $1 AND ${scopeCondition(scope, 'summary', positional(parameters))}`,
    parameters,
  );
  if (!summary) return { found: false, reason: 'NOT_IN_SCOPE' };
  const records = await dataSource.query<(EventColumns & { recorded_at: Date })[]>(
    `SELECT type, schema_version, occurred_at, recorded_at, data FROM events
      WHERE stream_id = $1 AND recorded_at < ((($2::date) + 1)::timestamp AT TIME ZONE 'Europe/Brussels')
      ORDER BY version`,
    [summary.stream_id, asOf],
  );
  if (records.length === 0) return { found: false, reason: 'NOT_YET_OPENED' };
  let state: TrajectoryState | undefined;
  const corrections: RecordedCorrection[] = [];
  for (const record of records) {
    const event = toTrajectoryEvent(record);
    state = evolve(state, event);
    if (event.type === 'FactCorrected') {
      corrections.push({ ...event.data, recordedAt: record.recorded_at.toISOString() });
    }
  }
  const stream: FoldedStream = {
    streamId: summary.stream_id,
    state: state as TrajectoryState,
    lastOccurredAt: records[records.length - 1].occurred_at,
  };
  const trajectory = toTrajectorySummaryView(
    trajectorySummaries.rows(stream)[0],
    deadlines.rows(stream),
    violations.rows(stream),
    pillars.rows(stream),
  );
  return { found: true, asOf: { asOf, trajectory, eventsKnown: records.length, corrections } };
}
