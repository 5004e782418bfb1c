import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { Client, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  because,
  calendarDateAt,
  checkRegistrationRow,
  isRegistrationPartner,
  linkReasonOf,
  PartnerRegistration,
  REGISTRATION_PARTNERS,
  RegistrationPartner,
  Rejection,
  RowProblem,
} from '../../../../libs/domain/src';
import {
  ReconciliationFilter,
  ReconciliationItemView,
  ReconciliationStore,
} from '../../../../libs/store/src';
import { LinkResult, RegistrationLinker } from '../../../worker/src/activities/registration-linker';
import { CommandContext } from '../http/command-context';
import { badRequest } from '../http/validation-errors';
import { CommandRejectedException } from '../trajectories/command-failures';

export interface RegistrationAnswer {
  outcome: LinkResult['outcome'];
  trajectoryId: string | null;
  reason: string | null;
  /** For CONFLICT and UNMATCHED: the reconciliation queue item that now holds the registration. */
  reconciliationItemId: string | null;
}

/**
 * Single partner registrations and the counsellors' reconciliation queue. Links go through the trajectory's
 * workflow with the same linker the bulk import uses, so the outcomes mean the same everywhere.
 */
@Injectable()
export class RegistrationsService {
  private readonly queue: ReconciliationStore;
  private readonly linker: RegistrationLinker;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(Client) temporal: Client) {
    this.queue = new ReconciliationStore(dataSource);
    this.linker = new RegistrationLinker(temporal, this.queue);
  }

  /** Validates a partner's registration; 400 names every bad field. */
  validate(body: unknown): { partner: RegistrationPartner; registration: PartnerRegistration } {
    const problems: RowProblem[] = [];
    const record =
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? { ...(body as Record<string, unknown>) }
        : {};
    const partner = record.partner;
    delete record.partner;
    if (!isRegistrationPartner(partner))
      problems.push({
        field: 'partner',
        reason: `partner must be one of ${REGISTRATION_PARTNERS.join(', ')}`,
        key: 'MUST_BE_ONE_OF',
        params: { field: 'partner', allowed: REGISTRATION_PARTNERS.join(', ') },
      });
    const check = checkRegistrationRow(record, calendarDateAt(Date.now()));
    if (!check.valid)
      problems.push(...check.problems.map((p) => ({ ...p, reason: `${p.field} ${p.reason}` })));
    if (problems.length || !check.valid) throw badRequest(problems);
    return { partner: partner as RegistrationPartner, registration: check.registration };
  }

  async register(body: unknown, context: CommandContext): Promise<RegistrationAnswer> {
    const { partner, registration } = this.validate(body);
    const found = await this.queue.linkCandidates(
      registration.nationalNumber ? [registration.nationalNumber] : [],
      registration.trajectoryId ? [registration.trajectoryId] : [],
    );
    const candidate = registration.trajectoryId
      ? found.byTrajectoryId.get(registration.trajectoryId)
      : found.byNationalNumber.get(registration.nationalNumber as string);
    const toLink = {
      partner,
      nationalNumber: registration.nationalNumber ?? null,
      trajectoryId: registration.trajectoryId ?? null,
      registeredOn: registration.registeredOn,
      office: registration.office,
      partnerDossierId: registration.partnerDossierId,
    };
    const idempotencyKey =
      context.idempotencyKey ??
      `registration:${partner}:${registration.partnerDossierId}:${registration.registeredOn}`;
    const result = await withinTimeout(() =>
      this.linker.link(toLink, candidate, {
        actor: context.actor.subject,
        actorRole: context.actor.role,
        actorOrganisation: context.actor.organisation,
        idempotencyKey,
        correlationId: context.correlationId,
      }),
    );
    if (result.outcome !== 'CONFLICT' && result.outcome !== 'UNMATCHED')
      return {
        outcome: result.outcome,
        trajectoryId: result.trajectoryId,
        reason: null,
        reconciliationItemId: null,
      };
    const item = await this.queue.queueSingle({
      ...toLink,
      nationalNumber: toLink.nationalNumber ?? result.candidate?.nationalNumber ?? null,
      trajectoryId: result.trajectoryId,
      kind: result.outcome,
      reason: result.reason,
      agency: result.outcome === 'CONFLICT' ? (result.candidate?.agency ?? null) : null,
    });
    return {
      outcome: result.outcome,
      trajectoryId: result.trajectoryId,
      reason: result.reason,
      reconciliationItemId: item.itemId,
    };
  }

  list(filter: ReconciliationFilter): Promise<{ items: ReconciliationItemView[]; total: number }> {
    return this.queue.list(filter);
  }

  async find(itemId: string): Promise<ReconciliationItemView> {
    const item = await this.queue.find(itemId);
    if (!item) throw new NotFoundException(`reconciliation item ${itemId} not found`);
    return item;
  }

  /** A counsellor links a queued registration to the trajectory they found for it. */
  async link(
    item: ReconciliationItemView,
    trajectoryId: string,
    context: CommandContext,
  ): Promise<ReconciliationItemView> {
    assertOpen(item);
    const candidate = await this.queue.linkCandidate(trajectoryId);
    if (!candidate) throw new NotFoundException(`trajectory ${trajectoryId} not found`);
    // The counsellor vouches for the match: the national number the partner sent is not held against it.
    const result = await withinTimeout(() =>
      this.linker.link({ ...item, nationalNumber: null, trajectoryId }, candidate, {
        actor: context.actor.subject,
        actorRole: context.actor.role,
        actorOrganisation: context.actor.organisation,
        idempotencyKey: `reconciliation:${item.itemId}`,
        correlationId: context.correlationId,
      }),
    );
    if (result.outcome === 'CONFLICT' || result.outcome === 'UNMATCHED') throw linkRefused(result);
    await this.queue.resolve(item.itemId, {
      state: 'LINKED',
      trajectoryId,
      resolvedBy: context.actor.subject,
      resolution:
        result.outcome === 'LINKED'
          ? 'linked by a counsellor'
          : 'the trajectory already had this registration',
    });
    return this.find(item.itemId);
  }

  async dismiss(
    item: ReconciliationItemView,
    reason: string,
    context: CommandContext,
  ): Promise<ReconciliationItemView> {
    assertOpen(item);
    const done = await this.queue.resolve(item.itemId, {
      state: 'DISMISSED',
      trajectoryId: null,
      resolvedBy: context.actor.subject,
      resolution: reason.trim(),
    });
    if (!done) assertOpen(await this.find(item.itemId));
    return this.find(item.itemId);
  }
}

function assertOpen(item: ReconciliationItemView): void {
  if (item.state !== 'OPEN')
    throw new CommandRejectedException(
      because('RECONCILIATION_ITEM_RESOLVED', { itemId: item.itemId, itemState: item.state }),
    );
}

/**
 * Why the trajectory a counsellor chose cannot take the registration (409): the trajectory's own refusal, or the
 * linking rule's reason, about the trajectory chosen.
 */
function linkRefused(result: { reason: string; refusal?: Rejection }): CommandRejectedException {
  if (result.refusal) return new CommandRejectedException(result.refusal);
  const rule = linkReasonOf(result.reason);
  if (!rule || rule.key === 'TRAJECTORY_REFUSED')
    return new CommandRejectedException(
      because('COMMAND_REFUSED', { detail: `trajectoryId: ${result.reason}` }, 'trajectoryId'),
    );
  return new CommandRejectedException(because(`RECONCILIATION_LINK_${rule.key}`, {}, 'trajectoryId'));
}

async function withinTimeout<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
      throw new ServiceUnavailableException(
        'the trajectory service did not answer in time; retry the request',
      );
    throw error;
  }
}
