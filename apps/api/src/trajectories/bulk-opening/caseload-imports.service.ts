import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import {
  CaseloadImportStore,
  CaseloadImportView,
  CaseloadProblemRow,
  ImportFormat,
} from '../../../../../libs/store/src';
import {
  CaseloadImportInput,
  caseloadImportWorkflowId,
} from '../../../../../workflows/src/caseload-import.workflow';
import { caseloadAgencyOf, requireOwnUpload } from '../../access/upload-ownership';
import { ApiConfig } from '../../config/api-config.service';
import { CommandContext } from '../../http/command-context';
import { formatOf, receiveFile, startImportWorkflow, UploadAnswer } from '../../exchange/file-upload';
import { readCaseloadFile } from './caseload-file';

/** The columns of a caseload file's problem rows, in the CSV's order. */
export const CASELOAD_PROBLEM_COLUMNS: (keyof CaseloadProblemRow & string)[] = [
  'rowNumber',
  'outcome',
  'fields',
  'reason',
  'trajectoryId',
];

/**
 * An agency's caseload file through the API (bulk opening, issue 7 §2): streamed into staging as it arrives, then
 * opened by a durable import workflow with the same rules as `npm run open:bulk` and `POST /trajectories`.
 */
@Injectable()
export class CaseloadImportsService {
  private readonly store: CaseloadImportStore;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    private readonly config: ApiConfig,
  ) {
    this.store = new CaseloadImportStore(dataSource);
  }

  async upload(
    request: IncomingMessage,
    options: { format?: ImportFormat; fileName?: string },
    context: CommandContext,
  ): Promise<UploadAnswer> {
    const format = options.format ?? formatOf(request.headers['content-type']);
    const file = readCaseloadFile(request, format);
    return receiveFile({
      file,
      staging: await this.store.beginStaging({
        agency: caseloadAgencyOf(context.actor),
        format,
        ...(options.fileName ? { fileName: options.fileName } : {}),
        uploadedBy: context.actor.subject,
        uploaderRole: context.actor.role,
      }),
      toRow: (record) => record,
      statusOf: async (importId) => (await this.store.findImport(importId))?.status,
      start: (importId) =>
        startImportWorkflow<CaseloadImportInput>(this.temporal, {
          type: 'caseloadImportWorkflow',
          workflowId: caseloadImportWorkflowId(importId),
          taskQueue: this.config.temporalTaskQueue,
          input: { importId },
        }),
    });
  }

  /** One of the caller's agency's imports; any other answers 404. */
  async find(importId: string, context: CommandContext): Promise<CaseloadImportView> {
    return requireOwnUpload(
      context.actor,
      await this.store.findImport(importId),
      (found) => found.agency,
      `caseload import ${importId}`,
    );
  }

  /** Every problem row of an import of the caller's agency, in file order. */
  async problemRows(importId: string, context: CommandContext): Promise<CaseloadProblemRow[]> {
    await this.find(importId, context);
    return this.store.problemRows(importId);
  }
}
