import type { EntityManager } from 'typeorm';
import type { TrajectoryState } from '../../../domain/src';
import { OutboxMessageRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';

export const VDAB = 'VDAB';
export const NEWCOMER_MUST_REGISTER = 'NewcomerMustRegister';

/** What VDAB receives: this newcomer must register as a job seeker by `dueOn`. */
export interface NewcomerMustRegisterPayload {
  trajectoryId: string;
  nationalNumber: string;
  dueOn: string;
  deadlineId: string;
  policyVersion: string;
}

/**
 * A message is caused by an event, not by a state: the outbox is written by the append, from each new event and
 * the state folded up to it, and never by a rebuild (messages already sent are not sent again).
 */
export type OutboxProjection = (
  event: RecordedTrajectoryEvent,
  state: TrajectoryState,
  manager: EntityManager,
) => Promise<void>;

/**
 * Tells VDAB that a newcomer must register, when the signed contract's policy sets a VDAB registration deadline
 * (the DeadlineSet that follows ContractSigned carries the due date). Not sent when the registration was already
 * recorded before the contract. Enqueued at most once per causing event.
 */
export const enqueueVdabRegistrationRequest: OutboxProjection = async (event, state, manager) => {
  if (event.type !== 'DeadlineSet' || event.data.kind !== 'VDAB_REGISTRATION') return;
  if (state.vdabRegistration) return;
  const payload: NewcomerMustRegisterPayload = {
    trajectoryId: state.trajectoryId,
    nationalNumber: state.newcomer.nationalNumber,
    dueOn: event.data.dueOn,
    deadlineId: event.data.deadlineId,
    policyVersion: event.data.policyVersion,
  };
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessageRecord)
    .values({
      destination: VDAB,
      type: NEWCOMER_MUST_REGISTER,
      payload: { ...payload },
      streamId: event.streamId,
      eventVersion: event.version,
    })
    .orIgnore()
    .execute();
};
