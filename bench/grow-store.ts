import type { DataSource } from 'typeorm';
import type { AppendRequest } from '../libs/store/src';
import { generateTrajectories, TRAJECTORIES_PER_COUNSELLOR } from './trajectory-workload';

export interface GrownStore {
  trajectories: number;
  events: number;
  /** Time to decide the commands through the domain (ms). */
  decideMs: number;
  /** Time to insert the events (ms). */
  insertMs: number;
}

/**
 * Grows the event store through the domain: `count` trajectories of the bench workload (every command decided by
 * the domain's `decide`, folded by its `fold`, in every phase from just opened to attest issued; all of them open),
 * their events inserted in bulk (one multi-row INSERT per `rowsPerInsert` events). The read models are not
 * written: a rebuild does that.
 */
export async function growEventStore(
  dataSource: DataSource,
  prefix: string,
  count: number,
  rowsPerInsert = 5_000,
): Promise<GrownStore> {
  const counsellors = Math.max(1, Math.ceil(count / TRAJECTORIES_PER_COUNSELLOR));
  const grown: GrownStore = { trajectories: 0, events: 0, decideMs: 0, insertMs: 0 };
  let rows: EventRow[] = [];
  const flush = async () => {
    const started = performance.now();
    await insertEvents(dataSource, rows);
    grown.insertMs += performance.now() - started;
    grown.events += rows.length;
    rows = [];
  };
  const trajectories = generateTrajectories(prefix, count, counsellors);
  for (;;) {
    const started = performance.now();
    const next = trajectories.next();
    grown.decideMs += performance.now() - started;
    if (next.done) break;
    grown.trajectories += 1;
    for (const append of next.value.appends) rows.push(...eventRows(append));
    if (rows.length >= rowsPerInsert) await flush();
  }
  if (rows.length) await flush();
  return grown;
}

interface EventRow {
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: string;
}

function eventRows({ streamId, expectedVersion, events, metadata }: AppendRequest): EventRow[] {
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

async function insertEvents(dataSource: DataSource, rows: EventRow[]): Promise<void> {
  // Scalars as arrays, the jsonb documents as one JSON array each: see TableRows in libs/store.
  await dataSource.query(
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
