import { workflowInfo } from '@temporalio/workflow';

/** The steps of a file import, each an activity: the rows themselves stay in PostgreSQL. */
export interface ImportSteps<Counts> {
  markRunning(importId: string): Promise<void>;
  /** Gives the next rows without an outcome theirs; `finished` once none is left. */
  processBatch(request: { importId: string; batchSize: number }): Promise<{ finished: boolean }>;
  complete(importId: string): Promise<Counts>;
}

export const DEFAULT_IMPORT_BATCH_SIZE = 500;
const MAX_HISTORY_EVENTS = 2_000;

/**
 * Works a staged file through in batches, the loop every partner import shares (registrations, municipality and
 * test-centre records). Each batch records its rows' outcomes in one transaction and every command carries an
 * idempotency key derived from its row, so a batch retried after a worker died applies nothing twice. Answers
 * `continue` when the history grows long: the caller continues as new with the same input.
 */
export async function runBatchedImport<Counts>(
  steps: ImportSteps<Counts>,
  input: { importId: string; batchSize?: number },
): Promise<{ done: true; counts: Counts } | { done: false }> {
  const batchSize = input.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  await steps.markRunning(input.importId);
  for (;;) {
    const { finished } = await steps.processBatch({ importId: input.importId, batchSize });
    if (finished) break;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS)
      return { done: false };
  }
  return { done: true, counts: await steps.complete(input.importId) };
}
