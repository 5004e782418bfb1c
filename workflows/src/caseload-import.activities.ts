import type { CaseloadOutcomeCounts } from '../../libs/store/src/exchange/caseload-import.store';
import type { ImportBatchRequest, ImportBatchResult } from './registration-exchange.activities';

/**
 * The activities of an agency's caseload file, implemented by the worker (apps/worker). Inputs and results carry
 * ids and counts only: the rows (the newcomers' personal data) stay in PostgreSQL.
 */
export interface CaseloadImportActivities {
  markCaseloadImportRunning(importId: string): Promise<void>;
  /** Opens the next rows without an outcome (bulk opening: decide, appendMany, queue their workflows). */
  processCaseloadImportBatch(request: ImportBatchRequest): Promise<ImportBatchResult>;
  completeCaseloadImport(importId: string): Promise<CaseloadOutcomeCounts>;
}
