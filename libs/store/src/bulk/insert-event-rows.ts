import type { DataSource, EntityManager } from 'typeorm';
import type { AppendRequest } from '../event-store.types';

/** One row of the events table, as a bulk load writes it. */
export interface EventRow {
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: string;
}

/** The rows of an append: versions expectedVersion+1, +2, ... */
export function eventRows({ streamId, expectedVersion, events, metadata }: AppendRequest): EventRow[] {
  return events.map((event, index) => ({
    stream_id: streamId,
    version: expectedVersion + 1 + index,
    type: event.type,
    schema_version: event.schemaVersion,
    data: event.data,
    metadata,
    occurred_at: event.occurredAt,
  }));
}

/**
 * Inserts event rows in one statement, without the read models (a bulk load: `rebuildReadModels` writes those).
 * Only for loads into a store no workflow writes to at the same time (demo and benchmark data).
 */
export async function insertEventRows(
  target: DataSource | EntityManager,
  rows: readonly EventRow[],
): Promise<void> {
  if (rows.length === 0) return;
  // Scalars as arrays, the jsonb documents as one JSON array each.
  await target.query(
    `INSERT INTO events (stream_id, version, type, schema_version, data, metadata, occurred_at)
     SELECT stream_id, version, type, schema_version, data, metadata, occurred_at
       FROM ROWS FROM (unnest($1::text[]), unnest($2::integer[]), unnest($3::text[]), unnest($4::integer[]),
                       jsonb_array_elements($5::jsonb), jsonb_array_elements($6::jsonb), unnest($7::timestamptz[]))
            AS event(stream_id, version, type, schema_version, data, metadata, occurred_at)`,
    [
      rows.map((row) => row.stream_id),
      rows.map((row) => row.version),
      rows.map((row) => row.type),
      rows.map((row) => row.schema_version),
      JSON.stringify(rows.map((row) => row.data)),
      JSON.stringify(rows.map((row) => row.metadata)),
      rows.map((row) => row.occurred_at),
    ],
  );
}
