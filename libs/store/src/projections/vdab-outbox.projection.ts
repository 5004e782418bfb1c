import { OutboxMessageRecord } from '../entities';
import { Projection, trajectoryOfStream } from './projection';

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
 * Tells VDAB that a newcomer must register, when the signed contract's policy sets a VDAB registration deadline
 * (the DeadlineSet that follows ContractSigned carries the due date). Not sent when the registration was already
 * recorded before the contract. Enqueued at most once per causing event, so rebuilds do not send it again.
 */
export const projectVdabOutbox: Projection = async (event, manager) => {
  if (event.type !== 'DeadlineSet' || event.data.kind !== 'VDAB_REGISTRATION') return;
  const trajectory = await trajectoryOfStream(manager, event);
  if (trajectory.vdabRegisteredOn) return;
  const payload: NewcomerMustRegisterPayload = {
    trajectoryId: trajectory.trajectoryId,
    nationalNumber: trajectory.nationalNumber,
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
