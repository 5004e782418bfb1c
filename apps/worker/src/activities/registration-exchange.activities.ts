import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Context } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { payloadCodecFrom } from '../../../../libs/codec/src';
import {
  isRegistrationPartner,
  RegistrationPartner,
  rowProblemOfRejection,
} from '../../../../libs/domain/src';
import {
  EventStore,
  LinkCandidate,
  PendingRow,
  ReconciliationStore,
  recordOutcomesWithin,
  RegistrationImportStore,
  RegistrationLinkStore,
  RowOutcome,
  takePhaseTimings,
  timedPhase,
} from '../../../../libs/store/src';
import type {
  AutomaticMatchResult,
  ImportBatchRequest,
  ImportBatchResult,
  ImportOutcomeCounts,
  RegistrationExchangeActivities,
} from '../../../../workflows/src/registration-exchange.activities';
import type { WorkerEnvironment } from '../config/worker-config';
import { BulkRegistrationLinker } from './bulk-registration-linker';
import { LinkResult, RegistrationLinker } from './registration-linker';

const MATCHER = 'system:registration-matcher';

export const EXCHANGE_TEMPORAL_CLIENT = Symbol('EXCHANGE_TEMPORAL_CLIENT');

/** The partner-registration activities: import batches and the automatic matching of the reconciliation queue. */
@Injectable()
export class RegistrationExchangeActivitiesService
  implements RegistrationExchangeActivities, OnApplicationShutdown
{
  private readonly imports: RegistrationImportStore;
  private readonly queue: ReconciliationStore;
  private readonly linker: BulkRegistrationLinker;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(EXCHANGE_TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.imports = new RegistrationImportStore(dataSource);
    this.queue = new ReconciliationStore(dataSource);
    this.linker = new BulkRegistrationLinker(
      new RegistrationLinkStore(dataSource),
      new EventStore(dataSource),
      new RegistrationLinker(temporal, this.queue),
    );
  }

  async markImportRunning(importId: string): Promise<void> {
    await this.imports.markRunning(importId);
  }

  processImportBatch(request: ImportBatchRequest): Promise<ImportBatchResult> {
    return timedPhase('batch: activity (all of it)', () => this.processBatch(request));
  }

  private async processBatch({ importId, batchSize }: ImportBatchRequest): Promise<ImportBatchResult> {
    const partner = await this.partnerOf(importId);
    const rows = await timedPhase('batch: pending rows', () => this.imports.pendingRows(importId, batchSize));
    const { byNationalNumber, byTrajectoryId } = await timedPhase('batch: match', () =>
      this.queue.linkCandidates(
        rows.flatMap((row) => (row.nationalNumber ? [row.nationalNumber] : [])),
        rows.flatMap((row) => (row.trajectoryId ? [row.trajectoryId] : [])),
      ),
    );
    // The batch's queue items list in row order, whichever of its transactions records them.
    const queuedAt = new Date();
    /** Rows whose outcome a set append recorded in its transaction. */
    const recorded = new Set<number>();
    const candidateOf = (row: PendingRow): LinkCandidate | undefined =>
      row.trajectoryId
        ? byTrajectoryId.get(row.trajectoryId)
        : byNationalNumber.get(row.nationalNumber as string);
    const results = await timedPhase('batch: link', () =>
      this.linker.linkAll(
        rows.map((row) => ({
          registration: { ...row, partner },
          candidate: candidateOf(row),
          context: {
            actor: `partner:${partner}`,
            idempotencyKey: `registration-import:${importId}:${row.rowNumber}`,
            correlationId: importId,
          },
        })),
        {
          heartbeat: () => Context.current().heartbeat(),
          // The outcomes of the rows a set append settles are recorded with its events, in its transaction.
          settle: (manager, settled) => {
            for (const { index } of settled) recorded.add(index);
            return recordOutcomesWithin(
              manager,
              importId,
              settled.map(({ index, result }) => toRowOutcome(rows[index], partner, result)),
              queuedAt,
            );
          },
        },
      ),
    );
    // The rows no set append recorded (unmatched, through a workflow, no append needed).
    const outcomes = rows.flatMap((row, index) =>
      recorded.has(index) ? [] : [toRowOutcome(row, partner, results[index])],
    );
    await timedPhase('batch: other outcomes', () =>
      this.imports.recordOutcomes(importId, outcomes, queuedAt),
    );
    const finished = !(await timedPhase('batch: has pending', () => this.imports.hasPending(importId)));
    return { processed: rows.length, finished };
  }

  async completeImport(importId: string): Promise<ImportOutcomeCounts> {
    await this.imports.markCompleted(importId);
    // Where this worker's import batches spent their time since the last import ended (no row's data).
    const phases = takePhaseTimings();
    if (Object.keys(phases).length) Context.current().log.info('import phases', { importId, phases });
    return this.imports.outcomeCounts(importId);
  }

  async linkAwaitingRegistrations(limit: number): Promise<AutomaticMatchResult> {
    const waiting = await this.queue.awaitingAutomaticMatch(limit);
    const results = await this.linker.linkAll(
      waiting.map(({ item, candidate }) => ({
        registration: { ...item, trajectoryId: null },
        candidate,
        context: { actor: MATCHER, idempotencyKey: `registration-match:${item.itemId}` },
      })),
      { heartbeat: () => Context.current().heartbeat() },
    );
    let linked = 0;
    let conflicts = 0;
    for (const [index, { item }] of waiting.entries()) {
      const result = results[index];
      if (result.outcome === 'LINKED' || result.outcome === 'ALREADY_LINKED') {
        await this.queue.resolve(item.itemId, {
          state: 'AUTO_LINKED',
          trajectoryId: result.trajectoryId,
          resolvedBy: MATCHER,
          resolution:
            result.outcome === 'LINKED'
              ? 'linked automatically when the trajectory opened'
              : 'the trajectory already had this registration',
        });
        linked++;
      } else if (result.outcome === 'CONFLICT' && result.candidate) {
        await this.queue.reclassifyAsConflict(
          item.itemId,
          result.candidate,
          result.reason,
          result.refusal ? rowProblemOfRejection(result.refusal) : null,
        );
        conflicts++;
      }
    }
    return { linked, conflicts };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
  }

  private async partnerOf(importId: string): Promise<RegistrationPartner> {
    const partner = await this.imports.partnerOf(importId);
    if (!isRegistrationPartner(partner)) throw new Error(`import ${importId} not found`);
    return partner;
  }
}

function toRowOutcome(row: PendingRow, partner: RegistrationPartner, result: LinkResult): RowOutcome {
  const refusal =
    result.outcome === 'CONFLICT' && result.refusal ? rowProblemOfRejection(result.refusal) : null;
  const base = {
    rowNumber: row.rowNumber,
    outcome: result.outcome,
    reason: result.reason,
    refusal,
    trajectoryId: result.trajectoryId,
  };
  if (result.outcome !== 'CONFLICT' && result.outcome !== 'UNMATCHED') return base;
  return {
    ...base,
    queue: {
      partner,
      kind: result.outcome,
      reason: result.reason,
      refusal,
      nationalNumber: row.nationalNumber ?? result.candidate?.nationalNumber ?? null,
      trajectoryId: result.trajectoryId,
      agency: result.outcome === 'CONFLICT' ? (result.candidate?.agency ?? null) : null,
      registeredOn: row.registeredOn,
      office: row.office,
      partnerDossierId: row.partnerDossierId,
    },
  };
}

/** The Nest providers of these activities; the worker module lists them beside its own. */
export const registrationExchangeProviders: Provider[] = [
  {
    provide: EXCHANGE_TEMPORAL_CLIENT,
    inject: [ConfigService],
    useFactory: async (config: ConfigService<WorkerEnvironment, true>) =>
      new Client({
        connection: await Connection.connect({ address: config.get('TEMPORAL_ADDRESS', { infer: true }) }),
        namespace: config.get('TEMPORAL_NAMESPACE', { infer: true }),
        // The trajectory workflows answer encrypted (libs/codec): the exchange's client reads what they answer.
        dataConverter: payloadCodecFrom(config.get('TEMPORAL_PAYLOAD_KEYS', { infer: true })),
      }),
  },
  RegistrationExchangeActivitiesService,
];

/** Temporal calls activities as plain functions: bind the methods of the injectable. */
export function registrationExchangeActivityFunctions(
  service: RegistrationExchangeActivitiesService,
): RegistrationExchangeActivities {
  return {
    markImportRunning: service.markImportRunning.bind(service),
    processImportBatch: service.processImportBatch.bind(service),
    completeImport: service.completeImport.bind(service),
    linkAwaitingRegistrations: service.linkAwaitingRegistrations.bind(service),
  };
}
