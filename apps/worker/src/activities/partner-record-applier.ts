import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  outcomeOfRejection,
  PartnerRecordCommand,
  PartnerRecordOutcome,
  priorRecord,
  RowProblem,
  rowProblem,
} from '../../../../libs/domain/src';
import type { PartnerRecordImportStore, PartnerRecordTarget } from '../../../../libs/store/src';
import {
  CommandEnvelope,
  CommandResult,
  enrolInMoCourseUpdate,
  enrolInNt2CourseUpdate,
  logParticipationActivityUpdate,
  recordAttendanceUpdate,
  recordMoTestResultUpdate,
  recordNt2TestResultUpdate,
  trajectoryWorkflowId,
} from '../../../../workflows/src/definitions';
import { rejectionOfFailure } from '../../../../workflows/src/command-rejection';
import type { LinkContext } from './registration-linker';

export interface ApplyResult {
  outcome: Exclude<PartnerRecordOutcome, 'INVALID'> | 'INVALID';
  trajectoryId: string | null;
  /** Why a record was not applied: an INVALID one names the field the trajectory's rules refused, others the row. */
  problem: RowProblem | null;
  /** APPLIED: the events written. */
  events: string[];
}

const UPDATES: Record<
  PartnerRecordCommand['type'],
  UpdateDefinition<CommandResult, [CommandEnvelope<PartnerRecordCommand>]>
> = {
  LogParticipationActivity: logParticipationActivityUpdate,
  EnrolInMoCourse: enrolInMoCourseUpdate,
  EnrolInNt2Course: enrolInNt2CourseUpdate,
  RecordAttendance: recordAttendanceUpdate,
  RecordMoTestResult: recordMoTestResultUpdate,
  RecordNt2TestResult: recordNt2TestResultUpdate,
} as Record<
  PartnerRecordCommand['type'],
  UpdateDefinition<CommandResult, [CommandEnvelope<PartnerRecordCommand>]>
>;

/**
 * Records a municipality's or test centre's record on the newcomer's trajectory through the trajectory's own
 * workflow (the single writer of its events), singly or for a file's row, with the same outcomes everywhere.
 * The trajectory was matched on the national number within the sender's scope (`target`; none: UNMATCHED).
 * A record the trajectory holds already with the same data writes nothing (ALREADY_APPLIED), unless this very
 * idempotency key wrote it in an attempt that died before its outcome was kept (then APPLIED).
 */
export class PartnerRecordApplier {
  constructor(
    private readonly temporal: Client,
    private readonly store: PartnerRecordImportStore,
  ) {}

  async apply(
    command: PartnerRecordCommand,
    target: PartnerRecordTarget | undefined,
    context: LinkContext,
  ): Promise<ApplyResult> {
    if (!target) return unmatched(null);
    const prior = priorRecord(command, target.state);
    if (prior.found === 'SAME') {
      const ours = await this.store.appliedWithKey(target.trajectoryId, context.idempotencyKey);
      return {
        outcome: ours ? 'APPLIED' : 'ALREADY_APPLIED',
        trajectoryId: target.trajectoryId,
        problem: null,
        events: [],
      };
    }
    if (prior.found === 'OTHER')
      return {
        outcome: 'CONFLICT',
        trajectoryId: target.trajectoryId,
        problem: prior.problem,
        events: [],
      };
    try {
      const result = await this.temporal.workflow
        .getHandle(trajectoryWorkflowId(target.trajectoryId))
        .executeUpdate(UPDATES[command.type], {
          args: [
            {
              command,
              metadata: {
                actor: context.actor,
                ...(context.actorRole ? { actorRole: context.actorRole } : {}),
                ...(context.actorOrganisation ? { actorOrganisation: context.actorOrganisation } : {}),
                idempotencyKey: context.idempotencyKey,
                ...(context.correlationId ? { correlationId: context.correlationId } : {}),
              },
            },
          ],
          updateId: `${command.type}:${context.idempotencyKey}`,
        });
      return {
        outcome: 'APPLIED',
        trajectoryId: target.trajectoryId,
        problem: null,
        events: result.events,
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return unmatched(target.trajectoryId);
      const rejection =
        error instanceof WorkflowUpdateFailedError ? rejectionOfFailure(error.cause) : undefined;
      if (!rejection) throw error;
      const { outcome, problem } = outcomeOfRejection(rejection);
      return { outcome, trajectoryId: target.trajectoryId, problem, events: [] };
    }
  }
}

function unmatched(trajectoryId: string | null): ApplyResult {
  return {
    outcome: 'UNMATCHED',
    trajectoryId,
    problem: rowProblem('row', trajectoryId ? 'RECORD_TRAJECTORY_CLOSED' : 'RECORD_NO_TRAJECTORY_IN_SCOPE'),
    events: [],
  };
}
