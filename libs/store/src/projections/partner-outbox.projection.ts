import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { TrajectoryState } from '../../../domain/src';
import { OutboxMessageRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import { partnerMessagesFor } from './partner-messages';

/** A pending outbox row: what the append writes for a message. */
export type OutboxRow = Pick<
  OutboxMessageRecord,
  'destination' | 'type' | 'payload' | 'streamId' | 'eventVersion'
>;

/**
 * A message is caused by an event, not by a state: the outbox is written by the append, from each new event and
 * the state folded up to it, and never by a rebuild (messages already sent are not sent again).
 */
export type OutboxProjection = (event: RecordedTrajectoryEvent, state: TrajectoryState) => OutboxRow[];

/**
 * The event's partner messages (see partner-messages.ts) as pending outbox rows; the relay
 * (apps/worker/src/outbox) delivers them to the partners that subscribe to their kind.
 */
export const enqueuePartnerMessages: OutboxProjection = (event, state) =>
  partnerMessagesFor(event, state).map((message) => ({
    destination: message.partner,
    type: message.kind,
    payload: { ...message.payload },
    streamId: event.streamId,
    eventVersion: event.version,
  }));

/** Writes outbox rows in one statement, at most once per causing event (a retried append enqueues nothing more). */
export async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  // Five parameters a row, within PostgreSQL's 65,535 per statement.
  for (let from = 0; from < rows.length; from += 10_000) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageRecord)
      .values(rows.slice(from, from + 10_000) as QueryDeepPartialEntity<OutboxMessageRecord>[])
      .orIgnore()
      .execute();
  }
}
