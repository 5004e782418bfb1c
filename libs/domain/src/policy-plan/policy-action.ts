import { because, type Rejection } from '../trajectory/rejection';
import { type PolicyActionStatus, isPolicyActionStatus, requiresExplanation } from './policy-action-status';

/**
 * One action of the Horizontal Integration Policy Plan as an event-sourced stream: imported once from the report,
 * then its status changes, each an event with who and when. An explanation ("Duiding") is required exactly for the
 * delayed, dropped and not-started statuses (Rapportage HIB 2016-2017, column "Duiding": given for those and no others),
 * and refused for the others: the explanation says why an action is not on course, and a later status without one
 * clears it (the history keeps every explanation given).
 */

export interface PolicyActionFacts {
  number: string;
  strategicGoal: number;
  operationalGoal: string;
  title: string;
  minister: string;
  portfolio: string;
}

export interface PolicyActionImported {
  type: 'PolicyActionImported';
  occurredAt: string;
  data: PolicyActionFacts & { status: PolicyActionStatus; explanation: string | null; source: string };
}

export interface PolicyActionStatusChanged {
  type: 'PolicyActionStatusChanged';
  occurredAt: string;
  data: { from: PolicyActionStatus; to: PolicyActionStatus; explanation: string | null };
}

export type PolicyActionEvent = PolicyActionImported | PolicyActionStatusChanged;

export interface PolicyActionState extends PolicyActionFacts {
  status: PolicyActionStatus;
  explanation: string | null;
  version: number;
  statusChangedAt: string;
}

export interface ChangePolicyActionStatus {
  type: 'ChangePolicyActionStatus';
  status: string;
  explanation?: string | null;
}

export type PolicyActionDecision =
  { ok: true; events: PolicyActionEvent[] } | { ok: false; rejection: Rejection };

const MAX_EXPLANATION_LENGTH = 4000;

/** The events a status change makes, or why it is refused (nothing changes then). */
export function decidePolicyActionStatus(
  state: PolicyActionState | undefined,
  command: ChangePolicyActionStatus,
  now: Date,
): PolicyActionDecision {
  if (!state) return refuse(because('POLICY_ACTION_NOT_FOUND'));
  const problem = statusProblem(command.status, command.explanation ?? null);
  if (problem) return refuse(problem);
  const to = command.status as PolicyActionStatus;
  const explanation = normalisedExplanation(command.explanation ?? null);
  if (to === state.status && explanation === state.explanation) {
    return refuse(because('POLICY_ACTION_STATUS_UNCHANGED', { actionStatus: to }, 'status'));
  }
  return {
    ok: true,
    events: [
      {
        type: 'PolicyActionStatusChanged',
        occurredAt: now.toISOString(),
        data: { from: state.status, to, explanation },
      },
    ],
  };
}

/** Why a status with this explanation is not acceptable, or undefined: the rule shared by import and change. */
export function statusProblem(status: unknown, explanation: string | null): Rejection | undefined {
  if (!isPolicyActionStatus(status))
    return because('POLICY_ACTION_UNKNOWN_STATUS', { value: String(status) }, 'status');
  const text = normalisedExplanation(explanation);
  if (requiresExplanation(status) && text === null) {
    return because('POLICY_ACTION_EXPLANATION_REQUIRED', { actionStatus: status }, 'explanation');
  }
  if (!requiresExplanation(status) && text !== null) {
    return because('POLICY_ACTION_EXPLANATION_NOT_EXPECTED', { actionStatus: status }, 'explanation');
  }
  if (text !== null && text.length > MAX_EXPLANATION_LENGTH) {
    return because(
      'POLICY_ACTION_EXPLANATION_TOO_LONG',
      { maxLength: MAX_EXPLANATION_LENGTH },
      'explanation',
    );
  }
  return undefined;
}

export function evolvePolicyAction(
  state: PolicyActionState | undefined,
  event: PolicyActionEvent,
): PolicyActionState {
  switch (event.type) {
    case 'PolicyActionImported': {
      const { status, explanation, source: _source, ...facts } = event.data;
      return { ...facts, status, explanation, version: 1, statusChangedAt: event.occurredAt };
    }
    case 'PolicyActionStatusChanged':
      if (!state) throw new Error('a policy action changes status only after its import');
      return {
        ...state,
        status: event.data.to,
        explanation: event.data.explanation,
        version: state.version + 1,
        statusChangedAt: event.occurredAt,
      };
  }
}

export function foldPolicyAction(events: readonly PolicyActionEvent[]): PolicyActionState | undefined {
  return events.reduce<PolicyActionState | undefined>(evolvePolicyAction, undefined);
}

function normalisedExplanation(explanation: string | null): string | null {
  const text = explanation?.trim() ?? '';
  return text === '' ? null : text;
}

function refuse(reason: Rejection): PolicyActionDecision {
  return { ok: false, rejection: reason };
}
