import type { PartnerRecordOutcome } from '../../libs/domain/src';
import type { ImportBatchRequest, ImportBatchResult } from './registration-exchange.activities';

export type PartnerImportOutcomeCounts = Record<PartnerRecordOutcome, number>;

/**
 * The activities of a municipality's or test centre's file import, implemented by the worker (apps/worker).
 * Inputs and results carry ids and counts only: the rows (national numbers) stay in PostgreSQL.
 */
export interface PartnerRecordExchangeActivities {
  markPartnerImportRunning(importId: string): Promise<void>;
  /** Applies the next rows without an outcome through the trajectory workflows. */
  processPartnerImportBatch(request: ImportBatchRequest): Promise<ImportBatchResult>;
  completePartnerImport(importId: string): Promise<PartnerImportOutcomeCounts>;
}
