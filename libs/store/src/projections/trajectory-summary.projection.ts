import { isWaitingForCounsellor, type TrajectoryState } from '../../../domain/src';
import { TrajectorySummaryRecord } from '../entities';
import type { FoldedStream, ReadModel } from './projection';

/** One row per trajectory: the newcomer, where the trajectory stands, and what its caseload entry sorts on. */
export const trajectorySummaries: ReadModel<TrajectorySummaryRecord> = {
  entity: TrajectorySummaryRecord,
  triggerKeptTotals: ['caseload_counts'], // migration ListCounts1797600000002
  rows: (stream) => [summaryOf(stream)],
};

/**
 * The summary's columns that the one-active-trajectory-per-newcomer index covers (part of `summaryOf`): what the
 * bulk append checks before it writes, without mapping the whole row.
 */
export function newcomerHoldOf({
  state,
}: FoldedStream): Pick<TrajectorySummaryRecord, 'trajectoryId' | 'nationalNumber' | 'status'> {
  return {
    trajectoryId: state.trajectoryId,
    nationalNumber: state.newcomer.nationalNumber,
    status: state.status,
  };
}

function summaryOf(stream: FoldedStream): TrajectorySummaryRecord {
  const { streamId, state, lastOccurredAt } = stream;
  const { newcomer, contract, vdabRegistration, closure, suspension, attest } = state;
  // Parts assigned one after the other, not spread into one literal: V8 builds a literal that spreads an object and
  // then adds keys of its own many times slower (a ~40-column row: ~50 µs, a fifth of a rebuild's fold).
  return Object.assign(
    new TrajectorySummaryRecord(),
    newcomerHoldOf(stream),
    {
      streamId,
      givenName: newcomer.givenName,
      familyName: newcomer.familyName,
      birthDate: newcomer.birthDate,
      municipality: newcomer.municipality,
      agency: state.agency,
      counsellorId: state.counsellorId ?? null,
      phase: state.phase,
      registeredOn: state.registeredOn,
      intakeOn: state.intakeOn ?? null,
      intakeProfile: state.intakeProfile ?? null,
      contractSignedOn: contract?.signedOn ?? null,
      policyVersion: contract?.policyVersion ?? null,
      vdabRegisteredOn: vdabRegistration?.registeredOn ?? null,
      vdabClientReference: vdabRegistration?.vdabClientReference ?? null,
      closedOn: closure?.closedOn ?? null,
      closureReason: closure?.reason ?? null,
      closureExplanation: closure?.explanation ?? null,
      suspensionReason: suspension?.reason ?? null,
      suspendedFrom: suspension?.suspendedFrom ?? null,
    },
    targetGroupOf(state),
    {
      attestNumber: attest?.attestNumber ?? null,
      attestIssuedOn: attest?.issuedOn ?? null,
      attestConditions: attest?.conditions ?? null,
    },
    attentionOf(state),
    { version: state.version, updatedAt: lastOccurredAt },
  );
}

type TargetGroupColumns = Pick<
  TrajectorySummaryRecord,
  | 'targetGroupStatus'
  | 'targetGroupDerivedStatus'
  | 'targetGroupRuleId'
  | 'exemptionReason'
  | 'exemptionGrantedOn'
  | 'targetGroupOverrideReason'
>;

/** The status that governs: an exemption granted later, else the counsellor's override, else the derived one. */
function targetGroupOf({ targetGroup }: TrajectoryState): TargetGroupColumns {
  if (!targetGroup) {
    return {
      targetGroupStatus: null,
      targetGroupDerivedStatus: null,
      targetGroupRuleId: null,
      exemptionReason: null,
      exemptionGrantedOn: null,
      targetGroupOverrideReason: null,
    };
  }
  const { derived, override, exemption } = targetGroup;
  const governing = override?.recorded ?? derived;
  return {
    targetGroupStatus: exemption ? 'EXEMPT' : governing.status,
    targetGroupDerivedStatus: derived.status,
    targetGroupRuleId: derived.rule.id,
    exemptionReason: exemption?.reason ?? (governing.status === 'EXEMPT' ? governing.exemptionReason : null),
    exemptionGrantedOn: exemption?.grantedOn ?? null,
    targetGroupOverrideReason: override?.reason ?? null,
  };
}

type AttentionColumns = Pick<
  TrajectorySummaryRecord,
  | 'nextDeadlineId'
  | 'nextDeadlineKind'
  | 'nextDeadlineDueOn'
  | 'missedDeadlines'
  | 'openViolations'
  | 'attentionRank'
>;

/**
 * What the caseload sorts on: open violation files first (rank 0), then missed deadlines (1), then the trajectories
 * waiting for their counsellor (2), then the others (3); within a rank, the earliest open due date. The caseload's
 * attention groups, which move with the day, are ranges of that order (queries/caseload-attention.ts).
 */
function attentionOf(state: TrajectoryState): AttentionColumns {
  const { deadlines, violations } = state;
  const next = deadlines
    .filter((deadline) => deadline.state === 'OPEN')
    .reduce<TrajectoryState['deadlines'][number] | undefined>(
      (earliest, deadline) =>
        !earliest ||
        deadline.dueOn < earliest.dueOn ||
        (deadline.dueOn === earliest.dueOn && deadline.deadlineId < earliest.deadlineId)
          ? deadline
          : earliest,
      undefined,
    );
  const missedDeadlines = deadlines.filter((deadline) => deadline.state === 'MISSED').length;
  const openViolations = violations.filter((violation) => violation.state === 'OPEN').length;
  return {
    nextDeadlineId: next?.deadlineId ?? null,
    nextDeadlineKind: next?.kind ?? null,
    nextDeadlineDueOn: next?.dueOn ?? null,
    missedDeadlines,
    openViolations,
    attentionRank: openViolations > 0 ? 0 : missedDeadlines > 0 ? 1 : isWaitingForCounsellor(state) ? 2 : 3,
  };
}
