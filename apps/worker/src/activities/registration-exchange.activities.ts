import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Context } from '@temporalio/activity';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { payloadCodecFrom } from '../../../../libs/codec/src';
import { isRegistrationPartner, RegistrationPartner } from '../../../../libs/domain/src';
import {
  LinkCandidate,
  PendingRow,
  ReconciliationStore,
  RegistrationImportStore,
  RowOutcome,
} from '../../../../libs/store/src';
import type {
  AutomaticMatchResult,
  ImportBatchRequest,
  ImportBatchResult,
  ImportOutcomeCounts,
  RegistrationExchangeActivities,
} from '../../../../workflows/src/registration-exchange.activities';
import type { WorkerEnvironment } from '../config/worker-config';
import { inParallel } from './in-parallel';
import { LinkResult, RegistrationLinker } from './registration-linker';

/** Links sent to trajectory workflows at once; rows of the same trajectory go one after the other. */
const LINK_CONCURRENCY = 32;

export const EXCHANGE_TEMPORAL_CLIENT = Symbol('EXCHANGE_TEMPORAL_CLIENT');

/** The partner-registration activities: import batches and the automatic matching of the reconciliation queue. */
@Injectable()
export class RegistrationExchangeActivitiesService
  implements RegistrationExchangeActivities, OnApplicationShutdown
{
  private readonly imports: RegistrationImportStore;
  private readonly queue: ReconciliationStore;
  private readonly linker: RegistrationLinker;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(EXCHANGE_TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.imports = new RegistrationImportStore(dataSource);
    this.queue = new ReconciliationStore(dataSource);
    this.linker = new RegistrationLinker(temporal, this.queue);
  }

  async markImportRunning(importId: string): Promise<void> {
    await this.imports.markRunning(importId);
  }

  async processImportBatch({ importId, batchSize }: ImportBatchRequest): Promise<ImportBatchResult> {
    const partner = await this.partnerOf(importId);
    const rows = await this.imports.pendingRows(importId, batchSize);
    const { byNationalNumber, byTrajectoryId } = await this.queue.linkCandidates(
      rows.flatMap((row) => (row.nationalNumber ? [row.nationalNumber] : [])),
      rows.flatMap((row) => (row.trajectoryId ? [row.trajectoryId] : [])),
    );
    const candidateOf = (row: PendingRow): LinkCandidate | undefined =>
      row.trajectoryId
        ? byTrajectoryId.get(row.trajectoryId)
        : byNationalNumber.get(row.nationalNumber as string);
    // Rows for the same trajectory in file order, one after the other; different trajectories in parallel.
    const groups = new Map<string, PendingRow[]>();
    for (const row of rows) {
      const key = candidateOf(row)?.trajectoryId ?? `row:${row.rowNumber}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const outcomes: RowOutcome[] = [];
    await inParallel([...groups.values()], LINK_CONCURRENCY, async (group) => {
      let candidate = candidateOf(group[0]);
      for (const row of group) {
        const registration = { ...row, partner };
        const result = await this.linker.link(registration, candidate, {
          actor: `partner:${partner}`,
          idempotencyKey: `registration-import:${importId}:${row.rowNumber}`,
          correlationId: importId,
        });
        candidate = result.candidate ?? candidate;
        outcomes.push(toRowOutcome(row, partner, result));
      }
      Context.current().heartbeat();
    });
    await this.imports.recordOutcomes(importId, outcomes);
    return { processed: outcomes.length, finished: !(await this.imports.hasPending(importId)) };
  }

  async completeImport(importId: string): Promise<ImportOutcomeCounts> {
    await this.imports.markCompleted(importId);
    return this.imports.outcomeCounts(importId);
  }

  async linkAwaitingRegistrations(limit: number): Promise<AutomaticMatchResult> {
    const waiting = await this.queue.awaitingAutomaticMatch(limit);
    let linked = 0;
    let conflicts = 0;
    await inParallel(waiting, LINK_CONCURRENCY, async ({ item, candidate }) => {
      const result = await this.linker.link({ ...item, trajectoryId: null }, candidate, {
        actor: 'system:registration-matcher',
        idempotencyKey: `registration-match:${item.itemId}`,
      });
      if (result.outcome === 'LINKED' || result.outcome === 'ALREADY_LINKED') {
        await this.queue.resolve(item.itemId, {
          state: 'AUTO_LINKED',
          trajectoryId: result.trajectoryId,
          resolvedBy: 'system:registration-matcher',
          resolution:
            result.outcome === 'LINKED'
              ? 'linked automatically when the trajectory opened'
              : 'the trajectory already had this registration',
        });
        linked++;
      } else if (result.outcome === 'CONFLICT' && result.candidate) {
        await this.queue.reclassifyAsConflict(item.itemId, result.candidate, result.reason);
        conflicts++;
      }
    });
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
  const base = {
    rowNumber: row.rowNumber,
    outcome: result.outcome,
    reason: result.reason,
    trajectoryId: result.trajectoryId,
  };
  if (result.outcome !== 'CONFLICT' && result.outcome !== 'UNMATCHED') return base;
  return {
    ...base,
    queue: {
      partner,
      kind: result.outcome,
      reason: result.reason,
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
