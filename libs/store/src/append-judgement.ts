import type { EntityManager } from 'typeorm';
import type { TrajectoryEvent } from '../../domain/src';
import { type ComparableEvent, sameEvents } from './event-records';
import type { AppendRequest, EventMetadata } from './event-store.types';
import type { StoredStateRow } from './projections/folded-streams';

/** A stored event as an append is judged against it. */
export type EvidenceRecord = ComparableEvent & { version: number; metadata: EventMetadata };

/**
 * What a stream holds that bears on appends to it: its version and the events an append could be a retry of (those
 * after the append's expected version, and those under its idempotency key), in version order.
 */
export interface StreamEvidence {
  version: number;
  records: EvidenceRecord[];
}

/** How an append stands against its stream. */
export type AppendJudgement =
  | { kind: 'write' }
  | { kind: 'duplicate'; firstVersion: number; lastVersion: number }
  | { kind: 'conflict'; actualVersion: number }
  | { kind: 'keyReused'; idempotencyKey: string };

/**
 * The evidence of every stream the requests append to, in two queries whatever their number: the streams' versions,
 * and their events after each request's expected version or under its idempotency key.
 */
export async function loadStreamEvidence(
  manager: EntityManager,
  requests: readonly AppendRequest[],
): Promise<Map<string, StreamEvidence>> {
  const streamIds = [...new Set(requests.map((request) => request.streamId))];
  const evidence = new Map<string, StreamEvidence>(streamIds.map((id) => [id, { version: 0, records: [] }]));
  if (!streamIds.length) return evidence;
  const versions = await manager.query<{ stream_id: string; version: number }[]>(
    `SELECT stream_id, max(version)::integer AS version FROM events
      WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
    [streamIds],
  );
  for (const { stream_id, version } of versions) evidence.get(stream_id)!.version = version;
  const written = requests.filter((request) => evidence.get(request.streamId)!.version > 0);
  if (!written.length) return evidence;
  const records = await manager.query<
    {
      stream_id: string;
      version: number;
      type: string;
      schema_version: number;
      occurred_at: Date;
      data: unknown;
      metadata: EventMetadata;
    }[]
  >(
    // Two index lookups per request (versions after the expected one; the key), each finding nothing in the usual
    // case without reading the stream's events: one condition with OR would read every event of each stream.
    `SELECT DISTINCT ON (e.stream_id, e.version)
            e.stream_id, e.version, e.type, e.schema_version, e.occurred_at, e.data, e.metadata
       FROM unnest($1::text[], $2::integer[], $3::text[]) AS request(stream_id, expected_version, idempotency_key)
       JOIN LATERAL (
              SELECT later.* FROM events later
               WHERE later.stream_id = request.stream_id AND later.version > request.expected_version
              UNION ALL
              SELECT keyed.* FROM events keyed
               WHERE keyed.stream_id = request.stream_id
                 AND keyed.metadata->>'idempotencyKey' = request.idempotency_key
            ) e ON true
      ORDER BY e.stream_id, e.version`,
    [
      written.map((request) => request.streamId),
      written.map((request) => request.expectedVersion),
      written.map((request) => request.metadata.idempotencyKey ?? null),
    ],
  );
  for (const record of records) {
    evidence.get(record.stream_id)!.records.push({
      version: record.version,
      type: record.type,
      schemaVersion: record.schema_version,
      occurredAt: record.occurred_at,
      data: record.data,
      metadata: record.metadata,
    });
  }
  return evidence;
}

/**
 * One append's evidence (as loadStreamEvidence reads it) and its stream's stored fold (trajectory_states, null when
 * none is stored), in one query.
 */
export async function loadAppendContext(
  manager: EntityManager,
  request: AppendRequest,
): Promise<{ evidence: StreamEvidence; storedState: StoredStateRow | null }> {
  const rows = await manager.query<
    {
      kind: 'event' | 'state' | 'version';
      version: number | null;
      type: string | null;
      schema_version: number | null;
      occurred_at: Date | null;
      data: unknown;
      metadata: EventMetadata | null;
    }[]
  >(
    `SELECT 'version' AS kind, max(version)::integer AS version, NULL::text AS type,
            NULL::integer AS schema_version, NULL::timestamptz AS occurred_at, NULL::json AS data,
            NULL::jsonb AS metadata
       FROM events WHERE stream_id = $1
     UNION ALL
     SELECT 'event', e.version, e.type, e.schema_version, e.occurred_at, e.data::json, e.metadata
       FROM events e
      WHERE e.stream_id = $1 AND (e.version > $2 OR e.metadata->>'idempotencyKey' = $3)
     UNION ALL
     SELECT 'state', s.version, NULL, NULL, s.last_occurred_at, s.state, NULL
       FROM trajectory_states s WHERE s.stream_id = $1
     ORDER BY kind, version`,
    [request.streamId, request.expectedVersion, request.metadata.idempotencyKey ?? null],
  );
  const evidence: StreamEvidence = { version: 0, records: [] };
  let storedState: StoredStateRow | null = null;
  for (const row of rows) {
    if (row.kind === 'version') evidence.version = row.version ?? 0;
    else if (row.kind === 'state')
      storedState = {
        stream_id: request.streamId,
        version: row.version!,
        last_occurred_at: row.occurred_at!,
        state: row.data as StoredStateRow['state'],
      };
    else
      evidence.records.push({
        version: row.version!,
        type: row.type!,
        schemaVersion: row.schema_version!,
        occurredAt: row.occurred_at!,
        data: row.data,
        metadata: row.metadata!,
      });
  }
  return { evidence, storedState };
}

/**
 * Judges a request against its stream. A retry of a stored append is recognised by its events (the same events at
 * the same versions, or under the same idempotency key), or by its cause: the stream holds the events of the same
 * command (`metadata.causationId`, the Temporal update id) right after `expectedVersion`. A workflow task that is
 * retried before its local activity's result was recorded decides its command again at a later time, so its events
 * may differ in their timestamps; the stored ones stand, and the workflow folds those.
 */
export function judgeAppend(request: AppendRequest, evidence: StreamEvidence): AppendJudgement {
  const { expectedVersion, events, metadata } = request;
  const { records } = evidence;
  if (metadata.idempotencyKey !== undefined) {
    const sameKey = records.filter((record) => record.metadata.idempotencyKey === metadata.idempotencyKey);
    if (sameKey.length > 0) {
      if (!sameEvents(sameKey, events) && !sameCommand(sameKey, request))
        return { kind: 'keyReused', idempotencyKey: metadata.idempotencyKey };
      return duplicateOf(sameKey[0].version, sameKey[sameKey.length - 1].version);
    }
  }
  if (evidence.version === expectedVersion) return { kind: 'write' };
  if (evidence.version > expectedVersion) {
    const lastVersion = expectedVersion + events.length;
    const atTheseVersions = records.filter(
      (record) => record.version > expectedVersion && record.version <= lastVersion,
    );
    const sameKey = atTheseVersions.every(
      (record) => record.metadata.idempotencyKey === metadata.idempotencyKey,
    );
    if (sameKey && sameEvents(atTheseVersions, events)) return duplicateOf(expectedVersion + 1, lastVersion);
    const ofSameCommand = eventsOfSameCommand(records, request);
    if (ofSameCommand) return ofSameCommand;
  }
  return { kind: 'conflict', actualVersion: evidence.version };
}

/** The evidence after the request was written (for a later request of the same batch on the same stream). */
export function recordWrite(evidence: StreamEvidence, request: AppendRequest): void {
  request.events.forEach((event: TrajectoryEvent, index) =>
    evidence.records.push({
      version: request.expectedVersion + 1 + index,
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: new Date(event.occurredAt),
      data: event.data,
      metadata: request.metadata,
    }),
  );
  evidence.version = request.expectedVersion + request.events.length;
}

/** Stored records that all come from the request's command (its causation id), starting right after its version. */
function sameCommand(records: readonly EvidenceRecord[], request: AppendRequest): boolean {
  const { causationId } = request.metadata;
  return (
    causationId !== undefined &&
    records.length > 0 &&
    records[0].version === request.expectedVersion + 1 &&
    records.every((record) => record.metadata.causationId === causationId)
  );
}

function eventsOfSameCommand(
  records: readonly EvidenceRecord[],
  request: AppendRequest,
): AppendJudgement | undefined {
  const { expectedVersion, metadata } = request;
  if (metadata.causationId === undefined) return undefined;
  const ofCommand = records.filter(
    (record) => record.version > expectedVersion && record.metadata.causationId === metadata.causationId,
  );
  const contiguous = ofCommand.every((record, index) => record.version === expectedVersion + 1 + index);
  if (!contiguous || !sameCommand(ofCommand, request)) return undefined;
  return duplicateOf(ofCommand[0].version, ofCommand[ofCommand.length - 1].version);
}

function duplicateOf(firstVersion: number, lastVersion: number): AppendJudgement {
  return { kind: 'duplicate', firstVersion, lastVersion };
}

/** What is malformed in an append request, or undefined when it is well formed. */
export function appendProblem({
  streamId,
  expectedVersion,
  events,
  metadata,
}: AppendRequest): string | undefined {
  if (!streamId) return 'streamId must not be empty';
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    return 'expectedVersion must be an integer >= 0';
  if (!events.length) return 'there must be at least one event';
  if (!metadata?.actor) return 'metadata.actor must not be empty';
  const invalid = events.find(
    (event: TrajectoryEvent) => !event.type || Number.isNaN(Date.parse(event.occurredAt)),
  );
  return invalid ? `event ${invalid.type || '(no type)'} needs a type and an ISO occurredAt` : undefined;
}
