import {
  evolvePolicyAction,
  type PolicyActionImported,
  statusProblem,
} from '../../../domain/src/policy-plan';
import type { PolicyActionStatus } from '../../../domain/src/policy-plan';
import reportActions from './policy-actions-2016-2017.json';

/** The row of the generated data file (scripts/policy-plan/generate-policy-actions.ts). */
export interface PolicyActionDataRow {
  number: string;
  strategicGoal: number;
  operationalGoal: string;
  title: string;
  minister: string;
  portfolio: string;
  status: string;
  explanation: string | null;
}

export const POLICY_PLAN_REPORT_SOURCE = 'Horizontal Integration Policy Plan: report 2016-2017';
/** The report gives the status at the end of its period; the import event is dated then. */
export const POLICY_PLAN_REPORT_AS_OF = '2017-12-31T23:00:00.000Z';
export const POLICY_PLAN_IMPORT_ACTOR = {
  actor: 'policy-plan-import',
  role: 'system',
  organisation: 'system',
};

export type Query = (sql: string, parameters?: unknown[]) => Promise<unknown>;

/**
 * Imports the report's actions: one `PolicyActionImported` event (version 1) per action and its folded row.
 * Idempotent: an action already imported is left as it is (its later status changes included). A row whose status
 * and explanation break the rule is refused, naming the action.
 */
export async function loadPolicyActions(
  query: Query,
  rows: readonly PolicyActionDataRow[] = reportActions,
): Promise<{ imported: number }> {
  const events = rows.map(importEvent);
  const states = events.map((event) => evolvePolicyAction(undefined, event));
  const inserted = (await query(
    `INSERT INTO policy_action_events
       (action_number, version, type, data, actor, actor_role, actor_organisation, occurred_at)
     SELECT e->>'number', 1, 'PolicyActionImported', e->'data', $2, $3, $4, $5
       FROM jsonb_array_elements($1::jsonb) AS e
     ON CONFLICT (action_number, version) DO NOTHING
     RETURNING action_number`,
    [
      JSON.stringify(events.map((event) => ({ number: event.data.number, data: event.data }))),
      POLICY_PLAN_IMPORT_ACTOR.actor,
      POLICY_PLAN_IMPORT_ACTOR.role,
      POLICY_PLAN_IMPORT_ACTOR.organisation,
      POLICY_PLAN_REPORT_AS_OF,
    ],
  )) as Array<{ action_number: string }>;
  await query(
    `INSERT INTO policy_actions
       (number, sort_key, strategic_goal, operational_goal, title, minister, portfolio, status, explanation,
        version, status_changed_at)
     SELECT s->>'number', string_to_array(s->>'number', '.')::integer[], (s->>'strategicGoal')::integer,
            s->>'operationalGoal', s->>'title', s->>'minister', s->>'portfolio', s->>'status', s->>'explanation',
            (s->>'version')::integer, (s->>'statusChangedAt')::timestamptz
       FROM jsonb_array_elements($1::jsonb) AS s
     ON CONFLICT (number) DO NOTHING`,
    [JSON.stringify(states)],
  );
  return { imported: inserted.length };
}

function importEvent(row: PolicyActionDataRow): PolicyActionImported {
  const problem = statusProblem(row.status, row.explanation);
  if (problem) throw new RangeError(`policy action ${row.number}: ${problem.message}`);
  return {
    type: 'PolicyActionImported',
    occurredAt: POLICY_PLAN_REPORT_AS_OF,
    data: {
      number: row.number,
      strategicGoal: row.strategicGoal,
      operationalGoal: row.operationalGoal,
      title: row.title,
      minister: row.minister,
      portfolio: row.portfolio,
      status: row.status as PolicyActionStatus,
      explanation: row.explanation,
      source: POLICY_PLAN_REPORT_SOURCE,
    },
  };
}
