import type { EntityManager } from 'typeorm';
import type { TrajectoryState } from '../../../domain/src';
import { OutboxMessageRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import { partnerMessagesFor } from './partner-messages';
import type { Statement } from './table-rows';

/** A pending outbox row: what the append writes for a message. */
export type OutboxRow = Pick<
  OutboxMessageRecord,
  'destination' | 'type' | 'payload' | 'streamId' | 'eventVersion'
>;

/**
 * A message is caused by an event, not by a state: the outbox is written by the append, from each new event, the
 * state folded up to it and the state before it, and never by a rebuild (messages already sent are not sent again).
 */
export type OutboxProjection = (
  event: RecordedTrajectoryEvent,
  state: TrajectoryState,
  previous: TrajectoryState | undefined,
) => OutboxRow[];

/**
 * The event's partner messages (see partner-messages.ts) as pending outbox rows; the relay
 * (apps/worker/src/outbox) delivers them to the partners that subscribe to their kind.
 */
export const enqueuePartnerMessages: OutboxProjection = (event, state, previous) =>
  partnerMessagesFor(event, state, previous).map((message) => ({
    destination: message.partner,
    type: message.kind,
    payload: { ...message.payload },
    streamId: event.streamId,
    eventVersion: event.version,
  }));

/** Writes outbox rows in one statement, at most once per causing event (a retried append enqueues nothing more). */
export async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  if (!rows.length) return;
  const { sql, parameters } = outboxRowsStatement(rows);
  await manager.query(sql, parameters);
}

/** Outbox rows as one statement (one parameter, in their order), for `insertOutboxRows` or a caller that combines statements. */
export function outboxRowsStatement(rows: readonly OutboxRow[]): Statement {
  return {
    sql: `INSERT INTO outbox_messages (destination, type, payload, stream_id, event_version)
          SELECT message.destination, message.type, message.payload, message.stream_id, message.event_version
            FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                   AS (destination text, type text, payload jsonb, stream_id text, event_version integer))
                 WITH ORDINALITY AS message(destination, type, payload, stream_id, event_version, position)
           ORDER BY message.position
          ON CONFLICT DO NOTHING`,
    parameters: [
      JSON.stringify(
        rows.map(({ destination, type, payload, streamId, eventVersion }) => ({
          destination,
          type,
          payload,
          stream_id: streamId,
          event_version: eventVersion,
        })),
      ),
    ],
  };
}
