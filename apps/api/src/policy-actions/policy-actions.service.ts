import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  emptyStatusCounts,
  POLICY_ACTION_STATUSES,
  type PolicyActionGroupCount,
  type PolicyActionState,
  type StatusShare,
  statusShares,
} from '../../../../libs/domain/src/policy-plan';
import {
  type PolicyActionFilter,
  type PolicyActionHistoryEntry,
  PolicyActionStore,
} from '../../../../libs/store/src/policy-plan';
import type { Principal } from '../access/principal';
import { CommandRejectedException } from '../trajectories/command-failures';
import type { ChangePolicyActionStatusDto } from './dto/change-policy-action-status.dto';

/** The policy plan's actions: reads from their folded rows, status changes decided by the domain. */
@Injectable()
export class PolicyActionsService {
  private readonly store: PolicyActionStore;

  constructor(dataSource: DataSource) {
    this.store = new PolicyActionStore(dataSource);
  }

  list(filter: PolicyActionFilter): Promise<PolicyActionState[]> {
    return this.store.list(filter);
  }

  async get(number: string): Promise<PolicyActionState> {
    const action = await this.store.find(number);
    if (!action) throw notFound(number);
    return action;
  }

  async history(number: string): Promise<PolicyActionHistoryEntry[]> {
    const entries = await this.store.history(number);
    if (entries.length === 0) throw notFound(number);
    return entries;
  }

  async changeStatus(
    number: string,
    body: ChangePolicyActionStatusDto,
    caller: Principal,
  ): Promise<PolicyActionState> {
    const { found, decision, state } = await this.store.changeStatus(
      number,
      { type: 'ChangePolicyActionStatus', status: body.status, explanation: body.explanation ?? null },
      { actor: caller.subject, role: caller.role, organisation: caller.organisation },
      new Date(),
    );
    if (!decision.ok) {
      if (!found) throw notFound(number);
      throw new CommandRejectedException(decision.rejection);
    }
    return state!;
  }

  /** Per minister and portfolio: the number of actions in each status. */
  async byMinisterAndPortfolio(): Promise<PolicyActionGroupCount[]> {
    const groups = new Map<string, PolicyActionGroupCount>();
    for (const row of await this.store.countsByMinisterAndPortfolio()) {
      const key = `${row.minister}\u0000${row.portfolio}`;
      const group = groups.get(key) ?? {
        minister: row.minister,
        portfolio: row.portfolio,
        total: 0,
        byStatus: emptyStatusCounts(),
      };
      group.byStatus[row.status] += row.count;
      group.total += row.count;
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  async statusShares(): Promise<{ total: number; statuses: StatusShare[] }> {
    const counts = emptyStatusCounts();
    for (const row of await this.store.countsByMinisterAndPortfolio()) counts[row.status] += row.count;
    const statuses = statusShares(counts);
    return { total: POLICY_ACTION_STATUSES.reduce((sum, status) => sum + counts[status], 0), statuses };
  }
}

function notFound(number: string): NotFoundException {
  return new NotFoundException(`policy action ${number} not found`);
}
