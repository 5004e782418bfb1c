import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import {
  caseloadImportCorrelationId,
  CaseloadImportStore,
  CaseloadOutcomeCounts,
  CaseloadRowResult,
  EventStore,
} from '../../../../libs/store/src';
import { BulkOpening } from '../../../api/src/trajectories/bulk-opening/bulk-opening';
import type { CaseloadImportActivities } from '../../../../workflows/src/caseload-import.activities';
import type {
  ImportBatchRequest,
  ImportBatchResult,
} from '../../../../workflows/src/registration-exchange.activities';

/** Rows per appendMany within a batch; two are written at once while the next is checked (see BulkOpening). */
const OPENING_BATCH_ROWS = 250;

/** The caseload file activities: batches of rows opened as `npm run open:bulk` opens a file (BulkOpening). */
@Injectable()
export class CaseloadImportActivitiesService implements CaseloadImportActivities {
  private readonly imports: CaseloadImportStore;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(EventStore) private readonly events: EventStore,
  ) {
    this.imports = new CaseloadImportStore(dataSource);
  }

  async markCaseloadImportRunning(importId: string): Promise<void> {
    await this.imports.markRunning(importId);
  }

  async processCaseloadImportBatch({ importId, batchSize }: ImportBatchRequest): Promise<ImportBatchResult> {
    const work = await this.imports.work(importId);
    if (!work) throw new Error(`caseload import ${importId} not found`);
    const rows = await this.imports.pendingRows(importId, batchSize);
    const results: CaseloadRowResult[] = [];
    const opening = new BulkOpening(
      this.events,
      {
        agency: work.agency,
        actor: work.uploadedBy,
        actorRole: work.uploaderRole,
        correlationId: caseloadImportCorrelationId(importId),
      },
      {
        batchSize: OPENING_BATCH_ROWS,
        onOutcome: (result) => results.push(result),
        onProgress: () => Context.current().heartbeat(),
      },
    );
    await opening.open(inOrder(rows));
    await this.imports.recordOutcomes(importId, results);
    return { processed: results.length, finished: !(await this.imports.hasPending(importId)) };
  }

  async completeCaseloadImport(importId: string): Promise<CaseloadOutcomeCounts> {
    await this.imports.markCompleted(importId);
    return this.imports.outcomeCounts(importId);
  }
}

async function* inOrder<T>(rows: readonly T[]): AsyncIterable<T> {
  yield* rows;
}

/** Temporal calls activities as plain functions: bind the methods of the injectable. */
export function caseloadImportActivityFunctions(
  service: CaseloadImportActivitiesService,
): CaseloadImportActivities {
  return {
    markCaseloadImportRunning: service.markCaseloadImportRunning.bind(service),
    processCaseloadImportBatch: service.processCaseloadImportBatch.bind(service),
    completeCaseloadImport: service.completeCaseloadImport.bind(service),
  };
}
