import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import {
  decideLink,
  LINK_REASONS,
  RegistrationPartner,
  Rejection,
  trajectoryRefusedReason,
} from '../../../../libs/domain/src';
import { rejectionOfFailure } from '../../../../workflows/src/command-rejection';
import type { LinkCandidate, ReconciliationStore } from '../../../../libs/store/src';
import {
  COMMAND_REJECTED,
  recordVdabRegistrationUpdate,
  trajectoryWorkflowId,
} from '../../../../workflows/src/definitions';

/** A valid partner registration, identified by national number or trajectory id. */
export interface RegistrationToLink {
  partner: RegistrationPartner;
  nationalNumber: string | null;
  trajectoryId: string | null;
  registeredOn: string;
  office: string;
  partnerDossierId: string;
}

export type LinkResult =
  | { outcome: 'LINKED' | 'ALREADY_LINKED'; trajectoryId: string; reason: null; candidate: LinkCandidate }
  | {
      outcome: 'CONFLICT';
      trajectoryId: string | null;
      reason: string;
      candidate?: LinkCandidate;
      /** The trajectory's own refusal, when its rules refused the registration. */
      refusal?: Rejection;
    }
  | { outcome: 'UNMATCHED'; trajectoryId: string | null; reason: string; candidate?: LinkCandidate };

export interface LinkContext {
  /** Who links, as the token named them: recorded in the event's metadata. */
  actor: string;
  actorRole?: string;
  actorOrganisation?: string;
  /** Derived from where the registration came from (file row, queue item, partner request): one link per key. */
  idempotencyKey: string;
  correlationId?: string;
}

/**
 * Links a partner registration to a trajectory through the trajectory's own workflow (the single writer of its
 * events), with the update id and Idempotency-Key derived from the registration's source: a retry gets the first
 * answer and writes nothing. The workflow's refusal (a registration recorded meanwhile, a closed trajectory) is
 * judged again against the read model, which the append updated in the event's transaction.
 */
export class RegistrationLinker {
  constructor(
    private readonly temporal: Client,
    private readonly store: ReconciliationStore,
  ) {}

  async link(
    registration: RegistrationToLink,
    candidate: LinkCandidate | undefined,
    context: LinkContext,
  ): Promise<LinkResult> {
    const decision = decideLink(linkInput(registration), candidate);
    if (decision.outcome === 'UNMATCHED')
      return {
        outcome: 'UNMATCHED',
        trajectoryId: candidate?.trajectoryId ?? null,
        reason: decision.reason,
        candidate,
      };
    const target = candidate as LinkCandidate;
    if (decision.outcome === 'CONFLICT')
      return {
        outcome: 'CONFLICT',
        trajectoryId: target.trajectoryId,
        reason: decision.reason,
        candidate: target,
      };
    if (decision.outcome === 'ALREADY_LINKED') {
      // This very key may have linked it, in an attempt that died before its outcome was recorded.
      const ours = await this.store.linkedWithKey(target.trajectoryId, context.idempotencyKey);
      return {
        outcome: ours ? 'LINKED' : 'ALREADY_LINKED',
        trajectoryId: target.trajectoryId,
        reason: null,
        candidate: target,
      };
    }
    try {
      await this.temporal.workflow
        .getHandle(trajectoryWorkflowId(target.trajectoryId))
        .executeUpdate(recordVdabRegistrationUpdate, {
          args: [
            {
              command: {
                type: 'RecordVdabRegistration',
                registeredOn: registration.registeredOn,
                vdabClientReference: registration.partnerDossierId,
              },
              metadata: linkMetadata(context),
            },
          ],
          updateId: `RecordVdabRegistration:${context.idempotencyKey}`,
        });
      const linked: LinkCandidate = {
        ...target,
        vdabRegisteredOn: registration.registeredOn,
        vdabClientReference: registration.partnerDossierId,
      };
      return { outcome: 'LINKED', trajectoryId: target.trajectoryId, reason: null, candidate: linked };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        return {
          outcome: 'UNMATCHED',
          trajectoryId: target.trajectoryId,
          reason: LINK_REASONS.TRAJECTORY_CLOSED,
        };
      if (!isRejection(error)) throw error;
      const now = await this.store.linkCandidate(target.trajectoryId);
      const again = now && decideLink(linkInput(registration), now);
      if (!again || again.outcome === 'UNMATCHED')
        return {
          outcome: 'UNMATCHED',
          trajectoryId: target.trajectoryId,
          reason: LINK_REASONS.TRAJECTORY_CLOSED,
        };
      if (again.outcome === 'ALREADY_LINKED')
        return { outcome: 'ALREADY_LINKED', trajectoryId: target.trajectoryId, reason: null, candidate: now };
      if (again.outcome === 'CONFLICT')
        return {
          outcome: 'CONFLICT',
          trajectoryId: target.trajectoryId,
          reason: again.reason,
          candidate: now,
        };
      const refusal = rejectionOfFailure((error as WorkflowUpdateFailedError).cause);
      return {
        outcome: 'CONFLICT',
        trajectoryId: target.trajectoryId,
        reason: trajectoryRefusedReason((error as WorkflowUpdateFailedError).cause?.message ?? 'rejected'),
        candidate: now,
        ...(refusal ? { refusal } : {}),
      };
    }
  }
}

/** Who links and under which key, as the event's metadata records it. */
export function linkMetadata(context: LinkContext) {
  return {
    actor: context.actor,
    ...(context.actorRole ? { actorRole: context.actorRole } : {}),
    ...(context.actorOrganisation ? { actorOrganisation: context.actorOrganisation } : {}),
    idempotencyKey: context.idempotencyKey,
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
  };
}

/** The registration as the link rules read it. */
export function linkInput(registration: RegistrationToLink) {
  const { registeredOn, partnerDossierId, nationalNumber } = registration;
  return { registeredOn, partnerDossierId, ...(nationalNumber === null ? {} : { nationalNumber }) };
}

function isRejection(error: unknown): boolean {
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === COMMAND_REJECTED
  );
}
