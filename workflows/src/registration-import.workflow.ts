import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ImportOutcomeCounts, RegistrationExchangeActivities } from './registration-exchange.activities';

const { markImportRunning, processImportBatch, completeImport } =
  proxyActivities<RegistrationExchangeActivities>({
    startToCloseTimeout: '5 minutes',
    // A batch reports progress as it links; a worker that died is noticed after this, not after five minutes.
    heartbeatTimeout: '20 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

export const DEFAULT_IMPORT_BATCH_SIZE = 500;
const MAX_HISTORY_EVENTS = 2_000;

export interface RegistrationImportInput {
  importId: string;
  batchSize?: number;
}

export function registrationImportWorkflowId(importId: string): string {
  return `registration-import-${importId}`;
}

/**
 * One partner file, staged in PostgreSQL on upload, worked through in batches. Each batch records the outcomes of
 * its rows in one transaction and every link carries an idempotency key derived from its row, so a batch that
 * is retried after a worker died links nothing twice and skips the rows it already finished.
 */
export async function registrationImportWorkflow(
  input: RegistrationImportInput,
): Promise<ImportOutcomeCounts> {
  const batchSize = input.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  await markImportRunning(input.importId);
  for (;;) {
    const { finished } = await processImportBatch({ importId: input.importId, batchSize });
    if (finished) break;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS)
      return continueAsNew<typeof registrationImportWorkflow>(input);
  }
  return completeImport(input.importId);
}
