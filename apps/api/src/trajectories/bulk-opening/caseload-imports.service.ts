import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { Agency, isAgency } from '../../../../../libs/domain/src';
import {
  CaseloadImportStaging,
  CaseloadImportStore,
  CaseloadImportView,
  ImportFormat,
  StagedCaseloadRow,
} from '../../../../../libs/store/src';
import {
  CaseloadImportInput,
  caseloadImportWorkflowId,
} from '../../../../../workflows/src/caseload-import.workflow';
import { ApiConfig } from '../../config/api-config.service';
import { toCsv } from '../../http/csv';
import { CommandContext } from '../../http/command-context';
import { badRequest } from '../../http/validation-errors';
import { UnreadableFileError } from '../../exchange/registration-file.parser';
import { formatOf, UploadAnswer } from '../../exchange/registration-imports.service';
import { readCaseloadFile } from './caseload-file';

const STAGING_CHUNK_ROWS = 1_000;
const PROBLEM_COLUMNS = ['rowNumber', 'outcome', 'fields', 'reason', 'trajectoryId'] as const;

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
    const staging = await this.store.beginStaging({
      agency: agencyOf(context),
      format,
      ...(options.fileName ? { fileName: options.fileName } : {}),
      uploadedBy: context.actor.subject,
      uploaderRole: context.actor.role,
    });
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
    if (!imported) throw new Error(`caseload import ${result.importId} vanished`);
    if (imported.status !== 'COMPLETED') await this.startWorkflow(result.importId);
    return {
      importId: result.importId,
      duplicate: result.duplicate,
      totalRows: result.totalRows,
      status: imported.status,
    };
  }

  /** One of the caller's agency's imports; any other answers 404. */
  async find(importId: string, context: CommandContext): Promise<CaseloadImportView> {
    const found = await this.store.findImport(importId);
    if (!found || found.agency !== context.actor.organisation)
      throw new NotFoundException(`caseload import ${importId} not found`);
    return found;
  }

  async problemsCsv(importId: string, context: CommandContext): Promise<string> {
    await this.find(importId, context);
    return toCsv([...PROBLEM_COLUMNS], await this.store.problemRows(importId));
  }

  private async startWorkflow(importId: string): Promise<void> {
    const input: CaseloadImportInput = { importId };
    try {
      await this.temporal.workflow.start('caseloadImportWorkflow', {
        workflowId: caseloadImportWorkflowId(importId),
        taskQueue: this.config.temporalTaskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

/** The agency whose caseload the caller opens: their own (the access policy gives the action to agency roles). */
function agencyOf(context: CommandContext): Agency {
  const organisation = context.actor.organisation;
  if (!isAgency(organisation)) throw new ForbiddenException('only an integration agency opens a caseload');
  return organisation;
}

async function stageAll(records: AsyncIterable<StagedCaseloadRow>, staging: CaseloadImportStaging) {
  let chunk: StagedCaseloadRow[] = [];
  for await (const record of records) {
    chunk.push(record);
    if (chunk.length >= STAGING_CHUNK_ROWS) {
      await staging.addRows(chunk);
      chunk = [];
    }
  }
  await staging.addRows(chunk);
}
