import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import { runBatchedImport } from './batched-import';
import type { ImportOutcomeCounts, RegistrationExchangeActivities } from './registration-exchange.activities';

export { DEFAULT_IMPORT_BATCH_SIZE } from './batched-import';

const { markImportRunning, processImportBatch, completeImport } =
  proxyActivities<RegistrationExchangeActivities>({
    startToCloseTimeout: '5 minutes',
    // A batch reports progress as it links; a worker that died is noticed after this, not after five minutes.
    heartbeatTimeout: '20 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

export interface RegistrationImportInput {
  importId: string;
  batchSize?: number;
}

export function registrationImportWorkflowId(importId: string): string {
  return `registration-import-${importId}`;
}

/**
 * One partner registration file, staged in PostgreSQL on upload, worked through in batches (runBatchedImport):
 * a batch retried after a worker died links nothing twice and skips the rows it already finished.
 */
export async function registrationImportWorkflow(
  input: RegistrationImportInput,
): Promise<ImportOutcomeCounts> {
  const result = await runBatchedImport(
    { markRunning: markImportRunning, processBatch: processImportBatch, complete: completeImport },
    input,
  );
  if (!result.done) return continueAsNew<typeof registrationImportWorkflow>(input);
  return result.counts;
}
