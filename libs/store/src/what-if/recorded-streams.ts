import type { DataSource } from 'typeorm';
import type { CalendarDate, TrajectoryEvent } from '../../../domain/src';
import { positional, ReadScope, scopeCondition } from '../queries/read-scope';

/**
 * The recorded event streams of the trajectories a what-if replays: those in the caller's scope (in SQL) that were
 * registered by the period's end and not closed before its start, in batches of `batchSize` trajectories (ordered
 * by id, keyset-paged), each stream's events in version order; optionally one counsellor's. Reads only.
 */
export async function* recordedStreams(
  dataSource: DataSource,
  scope: ReadScope,
  period: { from: CalendarDate; to: CalendarDate },
  filter: { counsellorId?: string } = {},
  batchSize = 500,
): AsyncGenerator<TrajectoryEvent[][]> {
  let after = '';
  for (;;) {
    const parameters: unknown[] = [];
    const add = positional(parameters);
    const ids: { stream_id: string; trajectory_id: string }[] = await dataSource.query(
      `SELECT s.trajectory_id, s.stream_id FROM trajectory_summaries s
        WHERE ${scopeCondition(scope, 's', add)}
          AND s.registered_on <= ${add(period.to)}
          AND (s.closed_on IS NULL OR s.closed_on >= ${add(period.from)})
          ${filter.counsellorId === undefined ? '' : `AND s.counsellor_id = ${add(filter.counsellorId)}`}
          AND s.trajectory_id::text > ${add(after)}
        ORDER BY s.trajectory_id::text LIMIT ${add(batchSize)}`,
      parameters,
    );
    if (ids.length === 0) return;
    after = ids[ids.length - 1].trajectory_id;
    const rows: {
      stream_id: string;
      type: string;
      schema_version: number;
      data: unknown;
      occurred_at: Date;
    }[] = await dataSource.query(
      `SELECT stream_id, type, schema_version, data, occurred_at FROM events
          WHERE stream_id = ANY($1) ORDER BY stream_id, version`,
      [ids.map((id) => id.stream_id)],
    );
    const streams = new Map<string, TrajectoryEvent[]>();
    for (const row of rows) {
      const stream = streams.get(row.stream_id) ?? [];
      stream.push({
        type: row.type,
        schemaVersion: row.schema_version,
        occurredAt: row.occurred_at.toISOString(),
        data: row.data,
      } as TrajectoryEvent);
      streams.set(row.stream_id, stream);
    }
    yield [...streams.values()];
    if (ids.length < batchSize) return;
  }
}
