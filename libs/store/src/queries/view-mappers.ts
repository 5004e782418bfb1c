import { PILLARS } from '../../../domain/src';
import { applicabilityReasonOf } from '../../../domain/src/pillars/pillar-state';
import {
  DeadlineRecord,
  EventRecord,
  PillarRecord,
  TrajectorySummaryRecord,
  ViolationRecord,
} from '../entities';
import type {
  AttestView,
  DeadlineView,
  PillarView,
  TargetGroupView,
  TimelineEntry,
  TrajectorySummaryView,
  ViolationView,
} from '../read-models.types';

/** Rows to views: dates stay 'YYYY-MM-DD' (see type-parsers), instants become ISO strings. */

export function toTrajectorySummaryView(
  summary: TrajectorySummaryRecord,
  deadlines: DeadlineRecord[],
  violations: ViolationRecord[],
  pillars: PillarRecord[] = [],
): TrajectorySummaryView {
  return {
    trajectoryId: summary.trajectoryId,
    nationalNumber: summary.nationalNumber,
    givenName: summary.givenName,
    familyName: summary.familyName,
    birthDate: summary.birthDate,
    municipality: summary.municipality,
    agency: summary.agency,
    counsellorId: summary.counsellorId,
    status: summary.status,
    phase: summary.phase,
    registeredOn: summary.registeredOn,
    intakeOn: summary.intakeOn,
    contractSignedOn: summary.contractSignedOn,
    policyVersion: summary.policyVersion,
    vdabRegisteredOn: summary.vdabRegisteredOn,
    vdabClientReference: summary.vdabClientReference,
    closedOn: summary.closedOn,
    closureReason: summary.closureReason,
    suspensionReason: summary.suspensionReason,
    suspendedFrom: summary.suspendedFrom,
    version: summary.version,
    updatedAt: summary.updatedAt.toISOString(),
    deadlines: deadlines.map(toDeadlineView),
    violations: violations.map(toViolationView),
    targetGroup: toTargetGroupView(summary),
    intakeProfile: summary.intakeProfile,
    pillars: [...pillars].sort(inPillarOrder).map(toPillarView),
    attest: toAttestView(summary),
  };
}

function toTargetGroupView(summary: TrajectorySummaryRecord): TargetGroupView | null {
  const { targetGroupStatus, targetGroupDerivedStatus, targetGroupRuleId } = summary;
  if (targetGroupStatus === null || targetGroupDerivedStatus === null || targetGroupRuleId === null)
    return null;
  return {
    status: targetGroupStatus,
    derivedStatus: targetGroupDerivedStatus,
    ruleId: targetGroupRuleId,
    exemptionReason: summary.exemptionReason,
    exemptionGrantedOn: summary.exemptionGrantedOn,
    overrideReason: summary.targetGroupOverrideReason,
  };
}

function toAttestView(summary: TrajectorySummaryRecord): AttestView | null {
  const { attestNumber, attestIssuedOn, attestConditions } = summary;
  if (attestNumber === null || attestIssuedOn === null) return null;
  return { attestNumber, issuedOn: attestIssuedOn, conditions: attestConditions ?? [] };
}

function inPillarOrder(a: PillarRecord, b: PillarRecord): number {
  return PILLARS.indexOf(a.pillar) - PILLARS.indexOf(b.pillar);
}

export function toPillarView(pillar: PillarRecord): PillarView {
  return {
    pillar: pillar.pillar,
    applicability: pillar.applicability,
    applicabilityReason: applicabilityReasonOf(pillar),
    applicabilityReasonKey: pillar.applicabilityReasonKey,
    applicabilityReasonParams: pillar.applicabilityReasonParams,
    status: pillar.status,
    completedOn: pillar.completedOn,
    completionCondition: pillar.completionCondition,
    waivedOn: pillar.waivedOn,
    waiverReason: pillar.waiverReason,
    targetLevel: pillar.targetLevel,
    targetHours: pillar.targetHours,
    hours: pillar.hours,
    details: pillar.details,
  };
}

export function toDeadlineView(deadline: DeadlineRecord): DeadlineView {
  return {
    deadlineId: deadline.deadlineId,
    trajectoryId: deadline.trajectoryId,
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    state: deadline.state,
    metOn: deadline.metOn,
    policyVersion: deadline.policyVersion,
    source: deadline.source,
    agency: deadline.agency,
    counsellorId: deadline.counsellorId,
    municipality: deadline.municipality,
  };
}

export function toViolationView(violation: ViolationRecord): ViolationView {
  return {
    violationId: violation.violationId,
    trajectoryId: violation.trajectoryId,
    kind: violation.kind,
    deadlineId: violation.deadlineId,
    facts: violation.facts,
    state: violation.state,
    openedAt: violation.openedAt.toISOString(),
    decision: violation.decision,
    amountEuro: violation.amountEuro,
    decidedOn: violation.decidedOn,
  };
}

export function toTimelineEntry(event: EventRecord): TimelineEntry {
  return {
    position: event.position,
    version: event.version,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    data: event.data,
    metadata: event.metadata,
  };
}
