import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  PartnerImportWork,
  PartnerRecordImportStore,
  PartnerRowOutcome,
  PendingPartnerRow,
} from '../../../../libs/store/src';
import type {
  PartnerImportOutcomeCounts,
  PartnerRecordExchangeActivities,
} from '../../../../workflows/src/partner-record-exchange.activities';
import type {
  ImportBatchRequest,
  ImportBatchResult,
} from '../../../../workflows/src/registration-exchange.activities';
import { inParallel } from './in-parallel';
import { PartnerRecordApplier } from './partner-record-applier';
import { EXCHANGE_TEMPORAL_CLIENT } from './registration-exchange.activities';

/** Records sent to trajectory workflows at once; rows of the same trajectory go one after the other. */
const APPLY_CONCURRENCY = 16;

/** The municipality and test-centre file activities: batches of rows applied through the trajectory workflows. */
@Injectable()
export class PartnerRecordExchangeActivitiesService implements PartnerRecordExchangeActivities {
  private readonly imports: PartnerRecordImportStore;
  private readonly applier: PartnerRecordApplier;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(EXCHANGE_TEMPORAL_CLIENT) temporal: Client,
  ) {
    this.imports = new PartnerRecordImportStore(dataSource);
    this.applier = new PartnerRecordApplier(temporal, this.imports);
  }

  async markPartnerImportRunning(importId: string): Promise<void> {
    await this.imports.markRunning(importId);
  }

  async processPartnerImportBatch({ importId, batchSize }: ImportBatchRequest): Promise<ImportBatchResult> {
    const work = await this.imports.work(importId);
    if (!work) throw new Error(`partner import ${importId} not found`);
    const rows = await this.imports.pendingRows(importId, batchSize);
    // Rows of the same newcomer in file order, one after the other (each sees the state the previous left).
    const groups = new Map<string, PendingPartnerRow[]>();
    for (const row of rows) groups.set(row.nationalNumber, [...(groups.get(row.nationalNumber) ?? []), row]);
    const outcomes: PartnerRowOutcome[] = [];
    await inParallel([...groups.values()], APPLY_CONCURRENCY, async (group) => {
      for (const row of group) outcomes.push(await this.applyRow(importId, work, row));
      Context.current().heartbeat();
    });
    await this.imports.recordOutcomes(importId, outcomes);
    return { processed: outcomes.length, finished: !(await this.imports.hasPending(importId)) };
  }

  async completePartnerImport(importId: string): Promise<PartnerImportOutcomeCounts> {
    await this.imports.markCompleted(importId);
    return this.imports.outcomeCounts(importId);
  }

  private async applyRow(
    importId: string,
    work: PartnerImportWork,
    row: PendingPartnerRow,
  ): Promise<PartnerRowOutcome> {
    // Read again for each row: the previous row of the same newcomer may have changed the trajectory.
    const targets = await this.imports.targets([row.nationalNumber], work.scope);
    const result = await this.applier.apply(row.command, targets.get(row.nationalNumber), {
      actor: work.uploadedBy,
      actorRole: work.uploaderRole,
      actorOrganisation: work.sender.organisation,
      idempotencyKey: `partner-record-import:${importId}:${row.rowNumber}`,
      correlationId: importId,
    });
    return {
      rowNumber: row.rowNumber,
      outcome: result.outcome,
      problem: result.problem,
      trajectoryId: result.trajectoryId,
    };
  }
}

/** Temporal calls activities as plain functions: bind the methods of the injectable. */
export function partnerRecordExchangeActivityFunctions(
  service: PartnerRecordExchangeActivitiesService,
): PartnerRecordExchangeActivities {
  return {
    markPartnerImportRunning: service.markPartnerImportRunning.bind(service),
    processPartnerImportBatch: service.processPartnerImportBatch.bind(service),
    completePartnerImport: service.completePartnerImport.bind(service),
  };
}
