import type { EntityManager } from 'typeorm';
import type { TrajectoryState } from '../../../domain/src';
import { OutboxMessageRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import { partnerMessagesFor } from './partner-messages';

/**
 * A message is caused by an event, not by a state: the outbox is written by the append, from each new event, the
 * state folded up to it and the state before it, and never by a rebuild (messages already sent are not sent again).
 */
export type OutboxProjection = (
  event: RecordedTrajectoryEvent,
  state: TrajectoryState,
  manager: EntityManager,
  previous: TrajectoryState | undefined,
) => Promise<void>;

/**
 * Writes the event's partner messages (see partner-messages.ts) as pending outbox rows, at most once per causing
 * event; the relay (apps/worker/src/outbox) delivers them to the partners that subscribe to their kind.
 */
export const enqueuePartnerMessages: OutboxProjection = async (event, state, manager, previous) => {
  const messages = partnerMessagesFor(event, state, previous);
  if (!messages.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessageRecord)
    .values(
      messages.map((message) => ({
        destination: message.partner,
        type: message.kind,
        payload: { ...message.payload },
        streamId: event.streamId,
        eventVersion: event.version,
      })),
    )
    .orIgnore()
    .execute();
};
