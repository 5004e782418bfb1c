import { CreateEventStore1795373029829 } from './1795373029829-create-event-store';
import { CreateReadModels1795373029830 } from './1795373029830-create-read-models';
import { CreateOutbox1795373029831 } from './1795373029831-create-outbox';
import { AddSuspensionAndFineDecisions1795373029832 } from './1795373029832-add-suspension-and-fine-decisions';
import { AddTargetGroupPillarsAndAttest1795373029833 } from './1795373029833-add-target-group-pillars-and-attest';
import { OneActiveTrajectoryPerNewcomer1795373029834 } from './1795373029834-one-active-trajectory-per-newcomer';
import { AddExemptionGrantedOn1795373029835 } from './1795373029835-add-exemption-granted-on';
import { CreateIncidents1795373031000 } from './1795373031000-create-incidents';
import { CreateAuditTrail1795373032000 } from './1795373032000-create-audit-trail';
import { OneFoldAndListColumns1795373033000 } from './1795373033000-one-fold-and-list-columns';
import { CreateRegistrationExchange1795373034000 } from './1795373034000-create-registration-exchange';
import { OfficesAndDeadlineMonitoring1796000000000 } from './1796000000000-offices-and-deadline-monitoring';
import { CreateTrajectoryMilestones1796100000000 } from './1796100000000-create-trajectory-milestones';
import { CreatePolicyActions1796200000000 } from './1796200000000-create-policy-actions';
import { OutboxRelay1796400000000 } from './1796400000000-outbox-relay';
import { CreatePartnerRecordImports1796500000000 } from './1796500000000-create-partner-record-imports';
import { ApplicationRoleAndEventChain1796700000000 } from './1796700000000-application-role-and-event-chain';
import { PendingWorkflowStarts1797000000000 } from './1797000000000-pending-workflow-starts';
import { WorkflowStartRetries1797100000000 } from './1797100000000-workflow-start-retries';
import { EventChainTriggerInline1797200000000 } from './1797200000000-event-chain-trigger-inline';
import { DeadlineCounts1797500000000 } from './1797500000000-deadline-counts';
import { CounsellorOfficePeriods1797510000000 } from './1797510000000-counsellor-office-periods';
import { ParticipationHourTotals1797600000000 } from './1797600000000-participation-hour-totals';
import { TrajectorySearchIndexes1797600000001 } from './1797600000001-trajectory-search-indexes';
import { ListCounts1797600000002 } from './1797600000002-list-counts';
import { PillarReasonKeys1797900000000 } from './1797900000000-pillar-reason-keys';
import { KeyFigureSums1798100000000 } from './1798100000000-key-figure-sums';
import { StateCompressionLz41798300000000 } from './1798300000000-state-compression-lz4';
import { TrajectorySearchKeys1798400000000 } from './1798400000000-trajectory-search-keys';
import { ParticipationHourMonths1798400000001 } from './1798400000001-participation-hour-months';
import { DeadlineDrillDownIndex1798700000000 } from './1798700000000-deadline-drill-down-index';
import { KeyFigureDayAndMunicipalitySums1798700000001 } from './1798700000001-key-figure-day-and-municipality-sums';
import { KeyFigureSumsByOffice1798700000002 } from './1798700000002-key-figure-sums-by-office';
import { CreateCaseloadImports1798800000000 } from './1798800000000-create-caseload-imports';
import { KeyFigureYearlySums1798900000000 } from './1798900000000-key-figure-yearly-sums';
import { TrajectoryStatesAsJson1799000000000 } from './1799000000000-trajectory-states-as-json';
import { OutboxClaimByKind1799200000000 } from './1799200000000-outbox-claim-by-kind';
import { PillarReasonTextOptional1799300000000 } from './1799300000000-pillar-reason-text-optional';
import { ReconciliationByDossier1799400000000 } from './1799400000000-reconciliation-by-dossier';
import { CaseloadWaitingRank1799500000000 } from './1799500000000-caseload-waiting-rank';
import { ReconciliationRefusal1799600000000 } from './1799600000000-reconciliation-refusal';

/** In order of application; a new migration is appended here, never inserted. */
export const migrations = [
  CreateEventStore1795373029829,
  CreateReadModels1795373029830,
  CreateOutbox1795373029831,
  AddSuspensionAndFineDecisions1795373029832,
  AddTargetGroupPillarsAndAttest1795373029833,
  OneActiveTrajectoryPerNewcomer1795373029834,
  AddExemptionGrantedOn1795373029835,
  CreateIncidents1795373031000,
  CreateAuditTrail1795373032000,
  OneFoldAndListColumns1795373033000,
  CreateRegistrationExchange1795373034000,
  OfficesAndDeadlineMonitoring1796000000000,
  CreateTrajectoryMilestones1796100000000,
  CreatePolicyActions1796200000000,
  OutboxRelay1796400000000,
  CreatePartnerRecordImports1796500000000,
  ApplicationRoleAndEventChain1796700000000,
  PendingWorkflowStarts1797000000000,
  WorkflowStartRetries1797100000000,
  EventChainTriggerInline1797200000000,
  DeadlineCounts1797500000000,
  CounsellorOfficePeriods1797510000000,
  ParticipationHourTotals1797600000000,
  TrajectorySearchIndexes1797600000001,
  ListCounts1797600000002,
  PillarReasonKeys1797900000000,
  KeyFigureSums1798100000000,
  StateCompressionLz41798300000000,
  TrajectorySearchKeys1798400000000,
  ParticipationHourMonths1798400000001,
  DeadlineDrillDownIndex1798700000000,
  KeyFigureDayAndMunicipalitySums1798700000001,
  KeyFigureSumsByOffice1798700000002,
  CreateCaseloadImports1798800000000,
  KeyFigureYearlySums1798900000000,
  TrajectoryStatesAsJson1799000000000,
  OutboxClaimByKind1799200000000,
  PillarReasonTextOptional1799300000000,
  ReconciliationByDossier1799400000000,
  CaseloadWaitingRank1799500000000,
  ReconciliationRefusal1799600000000,
];
