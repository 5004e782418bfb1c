import { IsNull, Not } from 'typeorm';
import { TrajectorySummaryRecord } from '../entities';
import type { RecordedTrajectoryEvent } from '../event-records';
import { missingTrajectory, Projection } from './projection';

export const projectTrajectorySummary: Projection = async (event, manager) => {
  const summaries = manager.getRepository(TrajectorySummaryRecord);
  const reflected = { version: event.version, updatedAt: new Date(event.occurredAt) };
  if (event.type === 'TrajectoryOpened') {
    const { trajectoryId, newcomer, agency, counsellorId, registeredOn } = event.data;
    await summaries.insert({
      trajectoryId,
      streamId: event.streamId,
      nationalNumber: newcomer.nationalNumber,
      givenName: newcomer.givenName,
      familyName: newcomer.familyName,
      birthDate: newcomer.birthDate,
      municipality: newcomer.municipality,
      agency,
      counsellorId: counsellorId ?? null,
      status: 'OPEN',
      phase: 'REGISTERED',
      registeredOn,
      ...reflected,
    });
    return;
  }
  const updated = await summaries.update(
    { streamId: event.streamId },
    { ...summaryChanges(event), ...reflected },
  );
  if (!updated.affected) throw missingTrajectory(event);
  if (event.type === 'TargetGroupOverridden') {
    // As the domain's evolve: an override applies only where a status was derived.
    const { recorded, reason } = event.data;
    await summaries.update(
      { streamId: event.streamId, targetGroupDerivedStatus: Not(IsNull()) },
      {
        targetGroupStatus: recorded.status,
        exemptionReason: recorded.status === 'EXEMPT' ? recorded.exemptionReason : null,
        targetGroupOverrideReason: reason,
      },
    );
  }
  if (event.type === 'ExemptionGranted') {
    // As the domain's evolve: the exemption outranks the derived and the recorded status.
    await summaries.update(
      { streamId: event.streamId, targetGroupDerivedStatus: Not(IsNull()) },
      {
        targetGroupStatus: 'EXEMPT',
        exemptionReason: event.data.reason,
        exemptionGrantedOn: event.data.grantedOn,
      },
    );
  }
  if (event.type === 'FactCorrected') {
    // As the domain's evolve: a contract or VDAB registration date is corrected only where one was recorded.
    const { fact, correctedDate } = event.data;
    if (fact === 'CONTRACT_SIGNING_DATE') {
      await summaries.update(
        { streamId: event.streamId, contractSignedOn: Not(IsNull()) },
        { contractSignedOn: correctedDate },
      );
    } else if (fact === 'VDAB_REGISTRATION_DATE') {
      await summaries.update(
        { streamId: event.streamId, vdabRegisteredOn: Not(IsNull()) },
        { vdabRegisteredOn: correctedDate },
      );
    }
  }
};

function summaryChanges(
  event: Exclude<RecordedTrajectoryEvent, { type: 'TrajectoryOpened' }>,
): Partial<TrajectorySummaryRecord> {
  switch (event.type) {
    case 'IntakeRecorded':
      return {
        intakeOn: event.data.intakeOn,
        intakeProfile: event.data.profile ?? null,
        phase: 'INTAKE_DONE',
      };
    case 'TargetGroupDetermined': {
      // A new determination replaces the previous one, override included (as evolve does).
      const { decision } = event.data;
      return {
        targetGroupStatus: decision.status,
        targetGroupDerivedStatus: decision.status,
        targetGroupRuleId: decision.rule.id,
        exemptionReason: decision.status === 'EXEMPT' ? decision.exemptionReason : null,
        exemptionGrantedOn: null,
        targetGroupOverrideReason: null,
      };
    }
    case 'ExemptionGranted':
      // Only over a derived status (see projectTrajectorySummary), which stays next to it.
      return {};
    case 'TargetGroupOverridden':
      // Only over a derived status (see projectTrajectorySummary); the derived status and its rule stay.
      return {};
    case 'AttestIssued':
      return {
        phase: 'ATTEST_ISSUED',
        attestNumber: event.data.attestNumber,
        attestIssuedOn: event.data.issuedOn,
        attestConditions: event.data.conditions,
      };
    case 'ContractSigned':
      return {
        contractSignedOn: event.data.signedOn,
        policyVersion: event.data.policyVersion,
        phase: 'CONTRACT_SIGNED',
      };
    case 'VdabRegistrationRecorded':
      return {
        vdabRegisteredOn: event.data.registeredOn,
        vdabClientReference: event.data.vdabClientReference,
      };
    case 'TrajectorySuspended':
      return {
        status: 'SUSPENDED',
        suspensionReason: event.data.reason,
        suspendedFrom: event.data.suspendedFrom,
      };
    case 'TrajectoryResumed':
      return { status: 'OPEN', suspensionReason: null, suspendedFrom: null };
    case 'TrajectoryTransferred':
      // The receiving agency assigns its own counsellor, or none yet.
      return { agency: event.data.toAgency, counsellorId: event.data.counsellorId ?? null };
    case 'NewcomerMoved':
      return { municipality: event.data.municipality };
    case 'FactCorrected':
      // The conditional corrections (contract, VDAB registration) follow in projectTrajectorySummary.
      return event.data.fact === 'INTAKE_DATE' ? { intakeOn: event.data.correctedDate } : {};
    case 'TrajectoryClosed':
      return {
        status: 'CLOSED',
        closedOn: event.data.closedOn,
        closureReason: event.data.reason,
        closureExplanation: event.data.explanation ?? null,
      };
    case 'DeadlineSet':
    case 'DeadlineMet':
    case 'DeadlineMissed':
    case 'DeadlineMoved':
    case 'DeadlineWaived':
    case 'ViolationWithdrawn':
    case 'ViolationOpened':
    case 'FineDecisionRecorded':
    case 'PillarsDetermined':
    case 'MoCourseEnrolled':
    case 'MoTestTaken':
    case 'AttendanceRecorded':
    case 'Nt2Referred':
    case 'Nt2CourseEnrolled':
    case 'Nt2TargetAdjusted':
    case 'Nt2TestTaken':
    case 'WorkTrackAgreed':
    case 'ParticipationActivityLogged':
    case 'PillarCompleted':
    case 'PillarWaived':
    case 'AgencyLetterRecorded':
    case 'FollowUpStarted':
    case 'FollowUpTestTaken':
    case 'DeclarationOfEffortIssued':
      return {};
  }
}
