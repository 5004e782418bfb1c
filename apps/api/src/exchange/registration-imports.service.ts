import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { calendarDateAt, checkRegistrationRow, RegistrationPartner } from '../../../../libs/domain/src';
import {
  ImportFormat,
  ImportStaging,
  ImportView,
  RegistrationImportStore,
  StagedRow,
} from '../../../../libs/store/src';
import {
  RegistrationImportInput,
  registrationImportWorkflowId,
} from '../../../../workflows/src/registration-import.workflow';
import { ApiConfig } from '../config/api-config.service';
import { badRequest } from '../http/validation-errors';
import { FileRecord, readRegistrationFile, UnreadableFileError } from './registration-file.parser';
import { toProblemsCsv } from './problems-csv';

const STAGING_CHUNK_ROWS = 1_000;
/**
 * Rows per batch of the import workflow. A batch links its rows as one set (one read of the trajectories' states,
 * one append): bigger batches mean fewer activity round trips, smaller ones less memory per batch and less
 * work repeated when a worker dies mid-batch (bench/registration-import.bench.ts).
 */
const IMPORT_BATCH_ROWS = 1_000;

export interface UploadAnswer {
  importId: string;
  /** True when the same partner sent these bytes before: nothing new was staged or linked. */
  duplicate: boolean;
  totalRows: number;
  status: ImportView['status'];
}

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
    const file = readRegistrationFile(request, format);
    const staging = await this.store.beginStaging({ ...options, format });
    let result;
    try {
      await stageAll(file.records, staging);
      result = await staging.finish(file.hash());
    } catch (error) {
      await staging.abort();
      if (error instanceof UnreadableFileError)
        throw badRequest([{ field: error.field, reason: `${error.field} ${error.message}` }]);
      throw error;
    }
    const imported = await this.store.findImport(result.importId);
    if (!imported) throw new Error(`import ${result.importId} vanished`);
    if (imported.status !== 'COMPLETED') await this.startWorkflow(result.importId);
    return {
      importId: result.importId,
      duplicate: result.duplicate,
      totalRows: result.totalRows,
      status: imported.status,
    };
  }

  async find(importId: string): Promise<ImportView> {
    const found = await this.store.findImport(importId);
    if (!found) throw new NotFoundException(`registration import ${importId} not found`);
    return found;
  }

  async problemsCsv(importId: string): Promise<string> {
    await this.find(importId);
    return toProblemsCsv(await this.store.problemRows(importId));
  }

  private async startWorkflow(importId: string): Promise<void> {
    const input: RegistrationImportInput = { importId, batchSize: IMPORT_BATCH_ROWS };
    try {
      await this.temporal.workflow.start('registrationImportWorkflow', {
        workflowId: registrationImportWorkflowId(importId),
        taskQueue: this.config.temporalTaskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      // Ran to its end before: the rows all have their outcome.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

async function stageAll(records: AsyncIterable<FileRecord>, staging: ImportStaging): Promise<void> {
  const today = calendarDateAt(Date.now());
  let chunk: StagedRow[] = [];
  for await (const record of records) {
    chunk.push(toStagedRow(record, today));
    if (chunk.length >= STAGING_CHUNK_ROWS) {
      await staging.addRows(chunk);
      chunk = [];
    }
  }
  await staging.addRows(chunk);
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

export function formatOf(contentType: string | undefined): ImportFormat {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'CSV';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines')
    return 'JSONL';
  if (type === undefined)
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Content-Type is required: text/csv or application/x-ndjson',
      violations: [{ field: 'Content-Type', reason: 'is required: text/csv or application/x-ndjson' }],
    });
  throw new UnsupportedMediaTypeException(
    `Content-Type ${type} is not a registration file: send text/csv or application/x-ndjson`,
  );
}
