import { POLICY_ACTION_STATUSES, type PolicyActionStatus } from './policy-action-status';

/** The share of actions per status, and the counts per minister and portfolio (the report's own summary). */
export interface StatusShare {
  status: PolicyActionStatus;
  count: number;
  /** count / total, rounded to 4 decimals; 0 when there are no actions. */
  share: number;
}

export interface PolicyActionGroupCount {
  minister: string;
  portfolio: string;
  total: number;
  byStatus: Record<PolicyActionStatus, number>;
}

/** Every status with its count and share, in the report's order, from the counts of the statuses present. */
export function statusShares(counts: Partial<Record<PolicyActionStatus, number>>): StatusShare[] {
  const total = POLICY_ACTION_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  return POLICY_ACTION_STATUSES.map((status) => {
    const count = counts[status] ?? 0;
    return { status, count, share: total === 0 ? 0 : Math.round((count / total) * 10000) / 10000 };
  });
}

export function emptyStatusCounts(): Record<PolicyActionStatus, number> {
  return Object.fromEntries(POLICY_ACTION_STATUSES.map((status) => [status, 0])) as Record<
    PolicyActionStatus,
    number
  >;
}
