import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { CaseloadOutcomeCounts } from '../../libs/store/src/exchange/caseload-import.store';
import { runBatchedImport } from './batched-import';
import type { CaseloadImportActivities } from './caseload-import.activities';

const { markCaseloadImportRunning, processCaseloadImportBatch, completeCaseloadImport } =
  proxyActivities<CaseloadImportActivities>({
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

export interface CaseloadImportInput {
  importId: string;
  batchSize?: number;
}

export function caseloadImportWorkflowId(importId: string): string {
  return `caseload-import-${importId}`;
}

/**
 * An agency's caseload file (bulk opening through the API), staged on upload and opened in batches like every
 * import: a batch retried after a worker died opens nothing twice (each opening's idempotency key is its row's
 * dossier or newcomer).
 */
export async function caseloadImportWorkflow(input: CaseloadImportInput): Promise<CaseloadOutcomeCounts> {
  const result = await runBatchedImport(
    {
      markRunning: markCaseloadImportRunning,
      processBatch: processCaseloadImportBatch,
      complete: completeCaseloadImport,
    },
    input,
  );
  if (!result.done) return continueAsNew<typeof caseloadImportWorkflow>(input);
  return result.counts;
}
