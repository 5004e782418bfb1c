import {
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { Client, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import {
  checkPartnerRecordRow,
  PARTNER_FILE_COLUMNS,
  PartnerFileKind,
  PartnerRecordOutcome,
  PartnerSender,
} from '../../../../libs/domain/src';
import {
  ImportFormat,
  PartnerImportView,
  PartnerRecordImportStore,
  StagedPartnerRow,
} from '../../../../libs/store/src';
import { PartnerRecordApplier } from '../../../worker/src/activities/partner-record-applier';
import {
  PartnerRecordImportInput,
  partnerRecordImportWorkflowId,
} from '../../../../workflows/src/partner-record-import.workflow';
import { readScopeFor } from '../access/read-scope-for';
import { requireOwnUpload } from '../access/upload-ownership';
import { ApiConfig } from '../config/api-config.service';
import { CommandContext } from '../http/command-context';
import { badRequest } from '../http/validation-errors';
import { FileColumns, FileRecord, readPartnerFile } from './registration-file.parser';
import { formatOf, receiveFile, startImportWorkflow, UploadAnswer } from './file-upload';

export interface PartnerRecordAnswer {
  outcome: Extract<PartnerRecordOutcome, 'APPLIED' | 'ALREADY_APPLIED'>;
  trajectoryId: string;
  /** The events written (none when the trajectory held the record already). */
  events: string[];
}

const PROBLEM_COLUMNS = ['rowNumber', 'outcome', 'fields', 'reason', 'nationalNumber', 'trajectoryId'];

/**
 * The records of municipalities and test centres by national number: one at a time (the answer is the outcome)
 * and as files streamed into staging and worked by a durable import workflow, with the same row check, the same
 * matching within the sender's scope and the same applier (apps/worker/src/activities/partner-record-applier.ts).
 */
@Injectable()
export class PartnerRecordsService {
  private readonly store: PartnerRecordImportStore;
  private readonly applier: PartnerRecordApplier;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    private readonly config: ApiConfig,
  ) {
    this.store = new PartnerRecordImportStore(dataSource);
    this.applier = new PartnerRecordApplier(temporal, this.store);
  }

  /** One record: 200 with APPLIED or ALREADY_APPLIED; 400/422 naming the field, 404 unmatched, 409 conflict. */
  async record(kind: PartnerFileKind, body: unknown, context: CommandContext): Promise<PartnerRecordAnswer> {
    const check = checkPartnerRecordRow(kind, body, senderOf(context));
    if (!check.valid)
      throw badRequest(check.problems.map((p) => ({ ...p, reason: `${p.field} ${p.reason}` })));
    const { nationalNumber, command } = check.record;
    const targets = await this.store.targets([nationalNumber], readScopeFor(context.actor));
    const result = await withinTimeout(() =>
      this.applier.apply(command, targets.get(nationalNumber), {
        actor: context.actor.subject,
        actorRole: context.actor.role,
        actorOrganisation: context.actor.organisation,
        // Without an Idempotency-Key a repeat is told apart by the trajectory's state (ALREADY_APPLIED).
        idempotencyKey: context.idempotencyKey ?? `partner-record:${randomUUID()}`,
        correlationId: context.correlationId,
      }),
    );
    switch (result.outcome) {
      case 'APPLIED':
      case 'ALREADY_APPLIED':
        return { outcome: result.outcome, trajectoryId: result.trajectoryId!, events: result.events };
      case 'UNMATCHED':
        // As for any trajectory outside the caller's scope: its existence is not disclosed.
        throw new NotFoundException('no open trajectory for this newcomer within your scope');
      case 'CONFLICT':
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          code: 'INVALID_STATE',
          message: result.problem!.reason,
          trajectoryId: result.trajectoryId,
        });
      case 'INVALID':
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          code: 'RULE_VIOLATION',
          field: result.problem!.field,
          message: result.problem!.reason,
        });
    }
  }

  async upload(
    kind: PartnerFileKind,
    request: IncomingMessage,
    options: { format?: ImportFormat; fileName?: string },
    context: CommandContext,
  ): Promise<UploadAnswer> {
    const format = options.format ?? formatOf(request.headers['content-type']);
    const sender = senderOf(context);
    const file = readPartnerFile(request, format, fileColumns(kind));
    return receiveFile({
      file,
      staging: await this.store.beginStaging({
        kind,
        sender,
        scope: readScopeFor(context.actor),
        format,
        ...(options.fileName ? { fileName: options.fileName } : {}),
        uploadedBy: context.actor.subject,
        uploaderRole: context.actor.role,
      }),
      toRow: (record) => toStagedRow(kind, sender, record),
      statusOf: async (importId) => (await this.store.findImport(importId))?.status,
      start: (importId) =>
        startImportWorkflow<PartnerRecordImportInput>(this.temporal, {
          type: 'partnerRecordImportWorkflow',
          workflowId: partnerRecordImportWorkflowId(importId),
          taskQueue: this.config.temporalTaskQueue,
          input: { importId },
        }),
    });
  }

  /** One of the caller's own imports of this kind; any other answers 404. */
  async find(kind: PartnerFileKind, importId: string, context: CommandContext): Promise<PartnerImportView> {
    const found = await this.store.findImport(importId);
    return requireOwnUpload(
      context.actor,
      found?.kind === kind ? found : null,
      (own) => own.organisation,
      `import ${importId}`,
    );
  }

  /**
   * Every problem row of an import of the caller's, in file order, with the row's received values (the national
   * number apart) under their columns; `columns` names them all, in the CSV's order.
   */
  async problemRows(
    kind: PartnerFileKind,
    importId: string,
    context: CommandContext,
  ): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
    await this.find(kind, importId, context);
    const received = PARTNER_FILE_COLUMNS[kind].columns.filter((column) => column !== 'nationalNumber');
    const rows = (await this.store.problemRows(importId)).map(({ received: fields, ...row }) => ({
      ...row,
      ...Object.fromEntries(received.map((column) => [column, fields?.[column] ?? null])),
    }));
    return { columns: [...PROBLEM_COLUMNS, ...received], rows };
  }
}

function senderOf(context: CommandContext): PartnerSender {
  return {
    organisation: context.actor.organisation,
    ...(context.actor.municipality ? { municipality: context.actor.municipality } : {}),
  };
}

function fileColumns(kind: PartnerFileKind): FileColumns {
  const { columns, required } = PARTNER_FILE_COLUMNS[kind];
  return { columns, missing: (present) => required.filter((column) => !present.includes(column)) };
}

function toStagedRow(kind: PartnerFileKind, sender: PartnerSender, record: FileRecord): StagedPartnerRow {
  if ('problems' in record)
    return {
      rowNumber: record.rowNumber,
      nationalNumber: null,
      fields: null,
      command: null,
      problems: record.problems,
    };
  const nationalNumber = record.fields.nationalNumber;
  const check = checkPartnerRecordRow(kind, record.fields, sender);
  if (!check.valid)
    return {
      rowNumber: record.rowNumber,
      nationalNumber: typeof nationalNumber === 'string' ? nationalNumber : null,
      fields: record.fields,
      command: null,
      problems: check.problems,
    };
  return {
    rowNumber: record.rowNumber,
    nationalNumber: check.record.nationalNumber,
    fields: record.fields,
    command: check.record.command,
    problems: null,
  };
}

async function withinTimeout<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
      throw new ServiceUnavailableException(
        'the trajectory service did not answer in time; retry the request',
      );
    throw error;
  }
}
