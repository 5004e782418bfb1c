import type { RowProblem } from '../../../../libs/domain/src/exchange/row-problem';
import type { AttentionGroup } from '../../../../libs/domain/src/caseload/attention';

/** The shapes of the API's answers the app reads (see the OpenAPI document at /docs). */

export interface NextDeadline {
  deadlineId: string;
  kind: string;
  dueOn: string;
}

export interface CaseloadItem {
  trajectoryId: string;
  givenName: string;
  familyName: string;
  status: string;
  phase: string;
  agency: string;
  counsellorId: string | null;
  registeredOn: string;
  nextDeadline: NextDeadline | null;
  missedDeadlines: number;
  openViolations: number;
  /** What the case asks of its counsellor today, decided by the API as the domain's attentionOf does. */
  attention: AttentionGroup;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface SearchHit {
  trajectoryId: string;
  givenName: string;
  familyName: string;
  status: string;
  agency: string;
}

export interface Deadline {
  deadlineId: string;
  trajectoryId: string;
  kind: string;
  dueOn: string;
  state: string;
  metOn: string | null;
  policyVersion: string;
  source: string;
  agency: string;
  counsellorId: string | null;
  municipality: string;
}

export interface Violation {
  violationId: string;
  trajectoryId: string;
  kind: string;
  deadlineId: string | null;
  facts: string;
  state: string;
  openedAt: string;
  decision: string | null;
  amountEuro: number | null;
  decidedOn: string | null;
}

export interface ViolationListItem extends Violation {
  agency: string;
  counsellorId: string | null;
  municipality: string;
  nationalNumber: string;
  givenName: string;
  familyName: string;
  trajectoryStatus: string;
}

export interface Pillar {
  pillar: string;
  applicability: string;
  applicabilityReason: string;
  /** The reason as a wording key (PILLAR_REASON_KEYS) and its parameters; null for older trajectories. */
  applicabilityReasonKey?: string | null;
  applicabilityReasonParams?: Record<string, string | number> | null;
  status: string;
  completedOn: string | null;
  completionCondition: string | null;
  targetLevel: string | null;
  targetHours: number | null;
  hours: number | null;
  details: Record<string, unknown> | null;
}

export interface NextAction {
  action: string;
  /** The wording (NEXT_ACTION_KEYS in the domain), translated from the catalogues with `params`. */
  key: string;
  params: Record<string, string | number>;
  /** English, for API clients; the app shows `key` instead. */
  description: string;
  dueOn?: string;
  violationId?: string;
}

export interface Trajectory {
  trajectoryId: string;
  nationalNumber?: string;
  givenName: string;
  familyName: string;
  birthDate?: string;
  municipality?: string;
  agency?: string;
  counsellorId?: string | null;
  status: string;
  phase?: string;
  registeredOn?: string;
  intakeOn?: string | null;
  contractSignedOn?: string | null;
  policyVersion?: string | null;
  vdabRegisteredOn?: string | null;
  deadlines?: Deadline[];
  violations?: Violation[];
  targetGroup?: {
    status: string;
    derivedStatus: string;
    ruleId: string;
    exemptionReason: string | null;
    overrideReason: string | null;
  } | null;
  pillars?: Pillar[];
  attest?: { attestNumber: string; issuedOn: string } | null;
  nextActions?: NextAction[];
}

export interface TimelineEntry {
  position: string;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  data: unknown;
}

export interface ReconciliationItem {
  itemId: string;
  partner: string;
  kind: 'CONFLICT' | 'UNMATCHED';
  reason: string;
  /** The trajectory's own refusal, keyed, when its rules gave the conflict. */
  refusal?: RowProblem | null;
  nationalNumber: string | null;
  trajectoryId: string | null;
  agency: string | null;
  registeredOn: string;
  office: string;
  partnerDossierId: string;
  state: string;
  createdAt: string;
}

export interface ImportView {
  importId: string;
  partner: string;
  format: string;
  fileName: string | null;
  status: 'STAGED' | 'RUNNING' | 'COMPLETED';
  createdAt: string;
  completedAt: string | null;
  totalRows: number;
  rowsDone: number;
  outcomes: Record<string, number>;
}

export interface ParticipationHoursReport {
  municipality: string | null;
  items: { municipality: string; kind: string; hours: number; activities: number; trajectories: number }[];
  hours: number;
  activities: number;
}
