import type { DataSource, EntityManager } from 'typeorm';
import { fold, TrajectoryState } from '../../../domain/src';
import { EventColumns, toTrajectoryEvent } from '../projections/folded-streams';

type Reader = DataSource | EntityManager;

/**
 * The stream folded by the domain: the state the store keeps (`trajectory_states`) with the events after its
 * version folded on top (none when it is current; all of them when none is kept, e.g. after a bulk load whose read
 * models are not rebuilt yet). Undefined for a stream without events.
 */
export async function readFoldedStream(
  reader: Reader,
  streamId: string,
): Promise<TrajectoryState | undefined> {
  const [stored] = await reader.query<{ version: number; state: TrajectoryState }[]>(
    'SELECT version, state FROM trajectory_states WHERE stream_id = $1',
    [streamId],
  );
  const after = await reader.query<EventColumns[]>(
    `SELECT type, schema_version, occurred_at, data FROM events
      WHERE stream_id = $1 AND version > $2 ORDER BY version`,
    [streamId, stored?.version ?? 0],
  );
  return fold(after.map(toTrajectoryEvent), stored?.state);
}

/** A command recorded under an Idempotency-Key: what its events were, and the version they brought the stream to. */
export interface RecordedIdempotencyKey {
  key: string;
  commandType: string;
  version: number;
  eventTypes: string[];
}

/** The latest `limit` Idempotency-Keys recorded on a stream, oldest first. */
export async function recordedIdempotencyKeys(
  reader: Reader,
  streamId: string,
  limit: number,
): Promise<RecordedIdempotencyKey[]> {
  const rows = await reader.query<
    { key: string; command_type: string | null; version: number; types: string[] }[]
  >(
    `SELECT metadata->>'idempotencyKey' AS key, max(metadata->>'commandType') AS command_type,
            max(version) AS version, array_agg(type ORDER BY version) AS types
       FROM events
      WHERE stream_id = $1 AND metadata ? 'idempotencyKey'
      GROUP BY 1
      ORDER BY max(version) DESC
      LIMIT $2`,
    [streamId, limit],
  );
  return rows.reverse().map((row) => ({
    key: row.key,
    commandType: row.command_type ?? 'unknown',
    version: Number(row.version),
    eventTypes: row.types,
  }));
}
