import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import { runBatchedImport } from './batched-import';
import type {
  PartnerImportOutcomeCounts,
  PartnerRecordExchangeActivities,
} from './partner-record-exchange.activities';

const { markPartnerImportRunning, processPartnerImportBatch, completePartnerImport } =
  proxyActivities<PartnerRecordExchangeActivities>({
    startToCloseTimeout: '5 minutes',
    heartbeatTimeout: '20 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

export interface PartnerRecordImportInput {
  importId: string;
  batchSize?: number;
}

export function partnerRecordImportWorkflowId(importId: string): string {
  return `partner-record-import-${importId}`;
}

/** A municipality's or test centre's file, staged on upload and worked through in batches like every import. */
export async function partnerRecordImportWorkflow(
  input: PartnerRecordImportInput,
): Promise<PartnerImportOutcomeCounts> {
  const result = await runBatchedImport(
    {
      markRunning: markPartnerImportRunning,
      processBatch: processPartnerImportBatch,
      complete: completePartnerImport,
    },
    input,
  );
  if (!result.done) return continueAsNew<typeof partnerRecordImportWorkflow>(input);
  return result.counts;
}
