import {
  DeadlineAnchor,
  ParameterisedPolicyVersion,
  PolicyVersionId,
  policyVersionById,
} from '../policy/policy-versions';

/**
 * A changed policy parameter for a what-if: the VDAB registration window (e.g. one month instead of two) and the
 * participation-and-network hours (e.g. 60 instead of 40). A parameter applies only to the versions that have it:
 * a VDAB window to the versions with a VDAB obligation (2022, 2023), the hours to those with the fourth pillar (2023).
 */
export interface PolicyOverride {
  vdabRegistration?: { amount: number; unit: 'MONTHS' | 'DAYS'; anchor?: DeadlineAnchor };
  participationHours?: number;
}

export const WHAT_IF_LIMITS = {
  vdabMonths: { min: 0, max: 24 },
  vdabDays: { min: 0, max: 730 },
  participationHours: { min: 1, max: 400 },
} as const;

/** The version a trajectory signed under, with the override's parameters in place of its own. */
export function scenarioPolicy(id: PolicyVersionId, override: PolicyOverride): ParameterisedPolicyVersion {
  const version = policyVersionById(id);
  const { vdabRegistration, participationHours } = override;
  const participation = version.parameters.participation;
  return {
    ...version,
    ...(version.vdabRegistration && vdabRegistration
      ? {
          vdabRegistration: {
            ...version.vdabRegistration,
            amount: vdabRegistration.amount,
            unit: vdabRegistration.unit,
            anchor: vdabRegistration.anchor ?? version.vdabRegistration.anchor,
            source: `what-if: ${vdabRegistration.amount} ${vdabRegistration.unit.toLowerCase()} instead of ${version.vdabRegistration.amount} ${version.vdabRegistration.unit.toLowerCase()}`,
          },
        }
      : {}),
    parameters: {
      ...version.parameters,
      ...(participation && participationHours !== undefined
        ? { participation: { ...participation, hours: participationHours } }
        : {}),
    },
  };
}

/** A short description of the override, for the answer and the logs (no personal data). */
export function describeOverride(override: PolicyOverride): string {
  const parts: string[] = [];
  if (override.vdabRegistration) {
    const { amount, unit, anchor } = override.vdabRegistration;
    parts.push(`VDAB registration within ${amount} ${unit.toLowerCase()}${anchor ? ` of ${anchor}` : ''}`);
  }
  if (override.participationHours !== undefined)
    parts.push(`${override.participationHours} participation hours`);
  return parts.length ? parts.join(', ') : 'the recorded policy';
}
