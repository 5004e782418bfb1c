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
  await target.query(insertStatement(''), eventColumns(rows));
}

/**
 * Inserts event rows in one statement, skipping those whose (stream, version) another writer holds (waiting for
 * its transaction when it is still open); answers the rows written as `stream_id` → versions.
 */
export async function insertFreeEventRows(
  manager: EntityManager,
  rows: readonly EventRow[],
): Promise<Map<string, number[]>> {
  const written = new Map<string, number[]>();
  if (rows.length === 0) return written;
  const inserted = await manager.query<{ stream_id: string; version: number }[]>(
    insertStatement('ON CONFLICT (stream_id, version) DO NOTHING RETURNING stream_id, version'),
    eventColumns(rows),
  );
  for (const { stream_id, version } of inserted) {
    const versions = written.get(stream_id) ?? [];
    versions.push(version);
    written.set(stream_id, versions);
  }
  return written;
}

/**
 * Scalars as arrays, the jsonb documents as one JSON array each. The rows are inserted in the given order, so each
 * event's hash-chain trigger finds the previous event of its stream (rows processed earlier in the same statement
 * are visible to it).
 */
function insertStatement(tail: string): string {
  return `INSERT INTO events (stream_id, version, type, schema_version, data, metadata, occurred_at)
     SELECT stream_id, version, type, schema_version, data, metadata, occurred_at
       FROM ROWS FROM (unnest($1::text[]), unnest($2::integer[]), unnest($3::text[]), unnest($4::integer[]),
                       jsonb_array_elements($5::jsonb), jsonb_array_elements($6::jsonb), unnest($7::timestamptz[]))
            AS event(stream_id, version, type, schema_version, data, metadata, occurred_at)
     ${tail}`;
}

function eventColumns(rows: readonly EventRow[]): unknown[] {
  return [
    rows.map((row) => row.stream_id),
    rows.map((row) => row.version),
    rows.map((row) => row.type),
    rows.map((row) => row.schema_version),
    JSON.stringify(rows.map((row) => row.data)),
    JSON.stringify(rows.map((row) => row.metadata)),
    rows.map((row) => row.occurred_at),
  ];
}
