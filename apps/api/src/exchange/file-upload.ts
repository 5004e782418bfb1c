import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ImportFormat, ImportStatus, StagingResult } from '../../../../libs/store/src';
import { badRequest } from '../http/validation-errors';
import { FileRecord, UnreadableFileError } from './registration-file.parser';

const STAGING_CHUNK_ROWS = 1_000;

export interface UploadAnswer {
  importId: string;
  /** True when the same source sent these bytes before: nothing new was staged or applied. */
  duplicate: boolean;
  totalRows: number;
  status: ImportStatus;
}

/** A file being received: where its rows are staged, how a record becomes a row, and what runs the import. */
export interface FileUpload<Row> {
  staging: {
    addRows(rows: readonly Row[]): Promise<void>;
    finish(contentHash: string): Promise<StagingResult>;
    abort(): Promise<void>;
  };
  file: { records: AsyncIterable<FileRecord>; hash(): string };
  toRow(record: FileRecord): Row;
  /** The import's status once staged (for a file sent before: the earlier import's). */
  statusOf(importId: string): Promise<ImportStatus | undefined>;
  /** Starts (or meets) the import's workflow. */
  start(importId: string): Promise<void>;
}

/**
 * Every file upload of the exchange: the records staged in chunks as they are parsed, in the upload's one
 * transaction (a file that cannot be read is refused with 400 naming where, and leaves nothing), then the import's
 * workflow started unless an earlier upload of the same bytes has completed it.
 */
export async function receiveFile<Row>(upload: FileUpload<Row>): Promise<UploadAnswer> {
  let result: StagingResult;
  try {
    let chunk: Row[] = [];
    for await (const record of upload.file.records) {
      chunk.push(upload.toRow(record));
      if (chunk.length >= STAGING_CHUNK_ROWS) {
        await upload.staging.addRows(chunk);
        chunk = [];
      }
    }
    await upload.staging.addRows(chunk);
    result = await upload.staging.finish(upload.file.hash());
  } catch (error) {
    await upload.staging.abort();
    if (error instanceof UnreadableFileError)
      throw badRequest([{ field: error.field, reason: `${error.field} ${error.message}` }]);
    throw error;
  }
  const status = await upload.statusOf(result.importId);
  if (!status) throw new Error(`import ${result.importId} vanished`);
  if (status !== 'COMPLETED') await upload.start(result.importId);
  return { importId: result.importId, duplicate: result.duplicate, totalRows: result.totalRows, status };
}

/** Starts an import's workflow once: a second start (a retried upload, a duplicate) meets the first. */
export async function startImportWorkflow<Input>(
  temporal: Client,
  workflow: { type: string; workflowId: string; taskQueue: string; input: Input },
): Promise<void> {
  try {
    await temporal.workflow.start(workflow.type, {
      workflowId: workflow.workflowId,
      taskQueue: workflow.taskQueue,
      args: [workflow.input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // Ran to its end before: the rows all have their outcome.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** The format of an uploaded file, from its Content-Type. */
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
    `Content-Type ${type} is not a file the exchange reads: send text/csv or application/x-ndjson`,
  );
}
