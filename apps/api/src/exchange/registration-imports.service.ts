import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { calendarDateAt, checkRegistrationRow, RegistrationPartner } from '../../../../libs/domain/src';
import {
  ImportFormat,
  ImportView,
  ProblemRowView,
  RegistrationImportStore,
  StagedRow,
} from '../../../../libs/store/src';
import {
  RegistrationImportInput,
  registrationImportWorkflowId,
} from '../../../../workflows/src/registration-import.workflow';
import { ApiConfig } from '../config/api-config.service';
import { formatOf, receiveFile, startImportWorkflow, UploadAnswer } from './file-upload';
import { FileRecord, readRegistrationFile } from './registration-file.parser';
/**
 * Rows per batch of the import workflow. The worker links a batch's trajectories in sets of about 500 appended side by
 * side, up to four (BulkRegistrationLinker): a batch of 2,000 keeps four sets in flight, so that the worker's
 * folding and PostgreSQL's writes overlap on both cores. Bigger batches mean fewer activity round trips and more
 * memory in the worker; smaller ones less work repeated when a worker dies mid-batch
 * (bench/registration-import.bench.ts).
 */
const IMPORT_BATCH_ROWS = 2_000;

/**
 * Bulk registration files: streamed into the staging tables as they arrive (never held whole), then handed to a
 * durable import workflow that gets only the import id.
 */
@Injectable()
export class RegistrationImportsService {
  private readonly store: RegistrationImportStore;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    private readonly config: ApiConfig,
  ) {
    this.store = new RegistrationImportStore(dataSource);
  }

  async upload(
    request: IncomingMessage,
    options: { partner: RegistrationPartner; format?: ImportFormat; fileName?: string; uploadedBy: string },
  ): Promise<UploadAnswer> {
    const format = options.format ?? formatOf(request.headers['content-type']);
    const today = calendarDateAt(Date.now());
    const file = readRegistrationFile(request, format);
    return receiveFile({
      file,
      staging: await this.store.beginStaging({ ...options, format }),
      toRow: (record) => toStagedRow(record, today),
      statusOf: async (importId) => (await this.store.findImport(importId))?.status,
      start: (importId) =>
        startImportWorkflow<RegistrationImportInput>(this.temporal, {
          type: 'registrationImportWorkflow',
          workflowId: registrationImportWorkflowId(importId),
          taskQueue: this.config.temporalTaskQueue,
          input: { importId, batchSize: IMPORT_BATCH_ROWS },
        }),
    });
  }

  async find(importId: string): Promise<ImportView> {
    const found = await this.store.findImport(importId);
    if (!found) throw new NotFoundException(`registration import ${importId} not found`);
    return found;
  }

  /** Every problem row of an import in file order (the caller has found the import). */
  problemRows(importId: string): Promise<ProblemRowView[]> {
    return this.store.problemRows(importId);
  }
}

function toStagedRow(record: FileRecord, today: ReturnType<typeof calendarDateAt>): StagedRow {
  const raw = 'fields' in record ? record.fields : {};
  const text = (field: string): string | null => {
    const value = raw[field];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const rawRow: StagedRow = {
    rowNumber: record.rowNumber,
    nationalNumber: text('nationalNumber'),
    trajectoryId: text('trajectoryId'),
    registeredOn: text('registeredOn'),
    office: text('office'),
    partnerDossierId: text('partnerDossierId'),
    problems: null,
  };
  if ('problems' in record) return { ...rawRow, problems: record.problems };
  const check = checkRegistrationRow(record.fields, today);
  if (!check.valid) return { ...rawRow, problems: check.problems };
  const { registration } = check;
  return {
    rowNumber: record.rowNumber,
    nationalNumber: registration.nationalNumber ?? null,
    trajectoryId: registration.trajectoryId ?? null,
    registeredOn: registration.registeredOn,
    office: registration.office,
    partnerDossierId: registration.partnerDossierId,
    problems: null,
  };
}
