import type { RegistrationOutcome } from '../../libs/domain/src';

/**
 * The activities of the partner-registration workflows, implemented by the worker (apps/worker). Inputs and
 * results carry ids and counts only: the rows themselves (national numbers) stay in PostgreSQL.
 */
export interface ImportBatchRequest {
  importId: string;
  batchSize: number;
}

export interface ImportBatchResult {
  /** Rows given an outcome by this batch. */
  processed: number;
  /** True when no row of the import is left without an outcome. */
  finished: boolean;
}

export type ImportOutcomeCounts = Record<RegistrationOutcome, number>;

export interface AutomaticMatchResult {
  linked: number;
  conflicts: number;
}

export interface RegistrationExchangeActivities {
  markImportRunning(importId: string): Promise<void>;
  /** Gives the next rows without an outcome theirs: links through the trajectory workflows, queues the rest. */
  processImportBatch(request: ImportBatchRequest): Promise<ImportBatchResult>;
  completeImport(importId: string): Promise<ImportOutcomeCounts>;
  /** Links unmatched registrations whose newcomer has an open trajectory by now. */
  linkAwaitingRegistrations(limit: number): Promise<AutomaticMatchResult>;
}
