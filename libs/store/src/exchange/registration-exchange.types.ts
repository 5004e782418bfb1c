import type { RegistrationOutcome, RegistrationPartner, RowProblem } from '../../../domain/src';
import type { ImportProgressView } from './staged-imports';

export type ImportFormat = 'CSV' | 'JSONL';
export type ImportStatus = 'STAGED' | 'RUNNING' | 'COMPLETED';

export interface ImportMetadata {
  partner: RegistrationPartner;
  format: ImportFormat;
  fileName?: string;
  uploadedBy: string;
}

/** One row of a file as received, with the problems found by the row check (none for a valid row). */
export interface StagedRow {
  rowNumber: number;
  nationalNumber: string | null;
  trajectoryId: string | null;
  registeredOn: string | null;
  office: string | null;
  partnerDossierId: string | null;
  problems: RowProblem[] | null;
}

export interface StagingResult {
  importId: string;
  /** True when the same partner sent the same bytes before: `importId` is that earlier import. */
  duplicate: boolean;
  totalRows: number;
}

export type OutcomeCounts = Record<RegistrationOutcome, number>;

export interface ImportView extends ImportProgressView<RegistrationOutcome> {
  partner: RegistrationPartner;
}

/** A row still waiting for its outcome; all its fields passed the row check. */
export interface PendingRow {
  rowNumber: number;
  nationalNumber: string | null;
  trajectoryId: string | null;
  registeredOn: string;
  office: string;
  partnerDossierId: string;
}

/** A trajectory a registration can be linked to, from the read model. */
export interface LinkCandidate {
  trajectoryId: string;
  nationalNumber: string;
  agency: string;
  status: string;
  vdabRegisteredOn: string | null;
  vdabClientReference: string | null;
}

export interface RowOutcome {
  rowNumber: number;
  outcome: Exclude<RegistrationOutcome, 'INVALID'>;
  reason: string | null;
  /** A conflict the trajectory's rules gave: their refusal, keyed, as the row's problem. */
  refusal?: RowProblem | null;
  trajectoryId: string | null;
  /** Only for CONFLICT and UNMATCHED: what the reconciliation queue gets. */
  queue?: ReconciliationEntry;
}

export interface ReconciliationEntry {
  partner: RegistrationPartner;
  kind: 'CONFLICT' | 'UNMATCHED';
  reason: string;
  /** The trajectory's own refusal, when its rules gave the conflict (`reason` words it after its own prefix). */
  refusal?: RowProblem | null;
  nationalNumber: string | null;
  trajectoryId: string | null;
  agency: string | null;
  registeredOn: string;
  office: string;
  partnerDossierId: string;
}

export type ReconciliationState = 'OPEN' | 'LINKED' | 'AUTO_LINKED' | 'DISMISSED';

export interface ReconciliationItemView extends ReconciliationEntry {
  itemId: string;
  importId: string | null;
  rowNumber: number | null;
  state: ReconciliationState;
  resolvedTrajectoryId: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface ProblemRowView {
  rowNumber: number;
  outcome: RegistrationOutcome;
  fields: string;
  reason: string;
  /** Each problem with its field, and the key and parameters a reader's language words it from. */
  problems: RowProblem[];
  nationalNumber: string | null;
  trajectoryId: string | null;
  registeredOn: string | null;
  office: string | null;
  partnerDossierId: string | null;
}
