import type { DataSource, EntityManager } from 'typeorm';
import {
  type ChangePolicyActionStatus,
  decidePolicyActionStatus,
  evolvePolicyAction,
  type PolicyActionDecision,
  type PolicyActionEvent,
  type PolicyActionState,
  type PolicyActionStatus,
} from '../../../domain/src/policy-plan';

export interface PolicyActionActor {
  actor: string;
  role: string;
  organisation: string;
}

export interface PolicyActionFilter {
  minister?: string;
  portfolio?: string;
  status?: PolicyActionStatus;
  strategicGoal?: number;
}

export interface PolicyActionHistoryEntry {
  version: number;
  type: PolicyActionEvent['type'];
  data: PolicyActionEvent['data'];
  actor: string;
  actorRole: string;
  actorOrganisation: string;
  occurredAt: string;
  recordedAt: string;
}

export interface PolicyActionGroupRow {
  minister: string;
  portfolio: string;
  status: PolicyActionStatus;
  count: number;
}

interface ActionRow {
  number: string;
  strategic_goal: number;
  operational_goal: string;
  title: string;
  minister: string;
  portfolio: string;
  status: PolicyActionStatus;
  explanation: string | null;
  version: number;
  status_changed_at: Date;
}

/**
 * The policy actions' streams and their folded rows. A status change is decided by the domain on the row (the
 * stored fold), under a row lock, and appended with its new row in one transaction: concurrent changes of one
 * action are serialised, and a refused change writes nothing.
 */
export class PolicyActionStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: PolicyActionFilter): Promise<PolicyActionState[]> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    const add = (column: string, value: unknown): void => {
      parameters.push(value);
      conditions.push(`${column} = $${parameters.length}`);
    };
    if (filter.minister !== undefined) add('minister', filter.minister);
    if (filter.portfolio !== undefined) add('portfolio', filter.portfolio);
    if (filter.status !== undefined) add('status', filter.status);
    if (filter.strategicGoal !== undefined) add('strategic_goal', filter.strategicGoal);
    const rows: ActionRow[] = await this.dataSource.query(
      `SELECT * FROM policy_actions ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY sort_key`,
      parameters,
    );
    return rows.map(toState);
  }

  async find(number: string): Promise<PolicyActionState | undefined> {
    const rows: ActionRow[] = await this.dataSource.query(`SELECT * FROM policy_actions WHERE number = $1`, [
      number,
    ]);
    return rows[0] && toState(rows[0]);
  }

  async history(number: string): Promise<PolicyActionHistoryEntry[]> {
    const rows: Array<{
      version: number;
      type: PolicyActionEvent['type'];
      data: PolicyActionEvent['data'];
      actor: string;
      actor_role: string;
      actor_organisation: string;
      occurred_at: Date;
      recorded_at: Date;
    }> = await this.dataSource.query(
      `SELECT version, type, data, actor, actor_role, actor_organisation, occurred_at, recorded_at
         FROM policy_action_events WHERE action_number = $1 ORDER BY version`,
      [number],
    );
    return rows.map((row) => ({
      version: row.version,
      type: row.type,
      data: row.data,
      actor: row.actor,
      actorRole: row.actor_role,
      actorOrganisation: row.actor_organisation,
      occurredAt: row.occurred_at.toISOString(),
      recordedAt: row.recorded_at.toISOString(),
    }));
  }

  /** Counts per minister, portfolio and status (the statuses present). */
  async countsByMinisterAndPortfolio(): Promise<PolicyActionGroupRow[]> {
    const rows: Array<{ minister: string; portfolio: string; status: PolicyActionStatus; count: string }> =
      await this.dataSource.query(
        `SELECT minister, portfolio, status, count(*) AS count FROM policy_actions
          GROUP BY minister, portfolio, status ORDER BY minister, portfolio, status`,
      );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  /**
   * Decides the change on the action's stored state and, when accepted, appends its event and stores the new state.
   * Answers the domain's decision and the new state.
   */
  async changeStatus(
    number: string,
    command: ChangePolicyActionStatus,
    who: PolicyActionActor,
    now: Date,
  ): Promise<{ found: boolean; decision: PolicyActionDecision; state?: PolicyActionState }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ActionRow[] = await manager.query(
        `SELECT * FROM policy_actions WHERE number = $1 FOR UPDATE`,
        [number],
      );
      const state = rows[0] && toState(rows[0]);
      const decision = decidePolicyActionStatus(state, command, now);
      if (!decision.ok || !state) return { found: state !== undefined, decision };
      const next = await this.append(manager, state, decision.events, who);
      return { found: true, decision, state: next };
    });
  }

  private async append(
    manager: EntityManager,
    state: PolicyActionState,
    events: readonly PolicyActionEvent[],
    who: PolicyActionActor,
  ): Promise<PolicyActionState> {
    let next = state;
    for (const event of events) {
      next = evolvePolicyAction(next, event);
      await manager.query(
        `INSERT INTO policy_action_events
           (action_number, version, type, data, actor, actor_role, actor_organisation, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          state.number,
          next.version,
          event.type,
          event.data,
          who.actor,
          who.role,
          who.organisation,
          event.occurredAt,
        ],
      );
    }
    await manager.query(
      `UPDATE policy_actions SET status = $2, explanation = $3, version = $4, status_changed_at = $5
        WHERE number = $1`,
      [next.number, next.status, next.explanation, next.version, next.statusChangedAt],
    );
    return next;
  }
}

function toState(row: ActionRow): PolicyActionState {
  return {
    number: row.number,
    strategicGoal: row.strategic_goal,
    operationalGoal: row.operational_goal,
    title: row.title,
    minister: row.minister,
    portfolio: row.portfolio,
    status: row.status,
    explanation: row.explanation,
    version: row.version,
    statusChangedAt: row.status_changed_at.toISOString(),
  };
}
