import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  ACCEPTED_AFTER_CLOSURE,
  because,
  calendarDateAt,
  checkNationalNumber,
  compressedDeadlineClock,
  decide,
  TrajectoryCommand,
} from '../../../../libs/domain/src';
import type { TrajectoryQueries } from '../../../../libs/store/src/read-models.types';
import {
  CommandEnvelope,
  CommandMetadata,
  CommandResult,
  openTrajectoryUpdate,
  trajectoryWorkflowId,
} from '../../../../workflows/src/definitions';
import {
  startFromStreamOptions,
  TRAJECTORY_WORKFLOW_TASK_TIMEOUT,
  TRAJECTORY_WORKFLOW_TYPE,
} from '../../../../workflows/src/start-from-stream';
import type { trajectoryWorkflow } from '../../../../workflows/src/trajectory.workflow';
import { ApiConfig } from '../config/api-config.service';
import { badRequest } from '../http/validation-errors';
import { CommandContext } from '../http/command-context';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { trajectoryIdFor, updateIdFor } from './command-ids';
import {
  CommandRejectedException,
  commandFailureToHttp,
  trajectoryClosed,
  trajectoryNotFound,
} from './command-failures';
import { OpenTrajectoryDto } from './dto/open-trajectory.dto';

/**
 * How long a request waits for its command's outcome. Past it the request answers 503 and the command may
 * still complete: a retry with the same Idempotency-Key then gets its outcome.
 */
const COMMAND_TIMEOUT_MS = 30_000;

/**
 * Sends a counsellor's commands to the trajectory's workflow as Temporal Updates, and turns the outcome (or the
 * rules' refusal) into the HTTP answer. A command is decided by the workflow and by nothing else: a trajectory whose
 * workflow is not running (written in bulk, waiting for the starter) gets it started from its stream first.
 */
@Injectable()
export class TrajectoryCommandsService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries,
    private readonly config: ApiConfig,
  ) {}

  /** Registers a newcomer and opens a trajectory; a retried create (same Idempotency-Key) never makes two. */
  async open(dto: OpenTrajectoryDto, context: CommandContext): Promise<CommandResult> {
    if (dto.agency !== context.actor.organisation) {
      throw new ForbiddenException(
        `a counsellor of ${context.actor.organisation} opens trajectories for ${context.actor.organisation} only`,
      );
    }
    if (dto.testDeadlineClock && !this.config.testDeadlineClocks)
      throw badRequest([
        {
          field: 'testDeadlineClock',
          reason:
            'testDeadlineClock is accepted only by an API that runs with TEST_DEADLINE_CLOCKS=true (tests)',
        },
      ]);
    const trajectoryId = trajectoryIdFor(context.idempotencyKey);
    const command = dto.toCommand(trajectoryId);
    if (context.idempotencyKey !== undefined) {
      // Also covers a closed trajectory whose workflow Temporal no longer retains.
      const earlier = await this.queries.findTrajectoryStatus(trajectoryId);
      if (earlier?.status === 'CLOSED') throw trajectoryClosed(earlier);
    }
    await this.refuseSecondOpenTrajectory(command.newcomer.nationalNumber, trajectoryId, context);
    // The same pure rules the workflow's validator applies, first here: a create they refuse starts no workflow,
    // so it leaves nothing behind in Temporal. The workflow still decides (it writes the stream's first version).
    const decision = decide(undefined, command, { now: Date.now() });
    if (!decision.accepted) throw new CommandRejectedException(decision.rejection);
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof trajectoryWorkflow>(
      TRAJECTORY_WORKFLOW_TYPE,
      {
        workflowId: trajectoryWorkflowId(trajectoryId),
        taskQueue: this.config.temporalTaskQueue,
        args: [
          dto.testDeadlineClock
            ? { trajectoryId, deadlineClock: this.testDeadlineClock(dto.testDeadlineClock.msPerDay) }
            : { trajectoryId },
        ],
        workflowTaskTimeout: TRAJECTORY_WORKFLOW_TASK_TIMEOUT,
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A trajectory id is never reused: a workflow that ended keeps its id.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      },
    );
    try {
      return await this.withinCommandTimeout(() =>
        this.temporal.workflow.executeUpdateWithStart(openTrajectoryUpdate, {
          args: [this.envelope(command, context)],
          updateId: updateIdFor(command, context.idempotencyKey),
          startWorkflowOperation,
        }),
      );
    } catch (error) {
      throw commandFailureToHttp(error, trajectoryId, null) ?? error;
    }
  }

  /** A compressed clock whose day zero, today in Brussels, starts now. */
  private testDeadlineClock(msPerDay: number) {
    const now = Date.now();
    return compressedDeadlineClock(calendarDateAt(now), now, msPerDay);
  }

  /**
   * Sends a command to an existing trajectory. The read model answers "unknown" (404) and "closed" (409)
   * without a round trip; the workflow decides everything else.
   */
  async send<C extends TrajectoryCommand>(
    trajectoryId: string,
    update: UpdateDefinition<CommandResult, [CommandEnvelope<C>]>,
    command: C,
    context: CommandContext,
  ): Promise<CommandResult> {
    // Read by the guard's access check of this request when the route names the trajectory.
    const trajectory =
      context.trajectory?.trajectoryId === trajectoryId
        ? context.trajectory
        : await this.queries.findTrajectoryStatus(trajectoryId);
    if (!trajectory) throw trajectoryNotFound(trajectoryId);
    // Still sent to Temporal on a closed trajectory: a retry of the command that closed it (answered with the
    // first outcome while Temporal retains the workflow), and a decision on a violation file, which outlives the
    // trajectory. Anything else on a closed trajectory is refused here.
    if (
      trajectory.status === 'CLOSED' &&
      context.idempotencyKey === undefined &&
      !ACCEPTED_AFTER_CLOSURE.has(command.type)
    )
      throw trajectoryClosed(trajectory);
    const handle = this.temporal.workflow.getHandle(trajectoryWorkflowId(trajectoryId));
    const options = {
      args: [this.envelope(command, context)] as [CommandEnvelope<C>],
      updateId: updateIdFor(command, context.idempotencyKey),
    };
    try {
      try {
        return await this.withinCommandTimeout(() => handle.executeUpdate(update, options));
      } catch (error) {
        // Recorded and not closed, yet no workflow runs: it waits in pending_workflow_starts (or it was lost).
        if (!(error instanceof WorkflowNotFoundError) || trajectory.status === 'CLOSED') throw error;
        return await this.withinCommandTimeout(() =>
          this.temporal.workflow.executeUpdateWithStart(update, {
            ...options,
            startWorkflowOperation: new WithStartWorkflowOperation<typeof trajectoryWorkflow>(
              TRAJECTORY_WORKFLOW_TYPE,
              startFromStreamOptions(trajectoryId, this.config.temporalTaskQueue),
            ),
          }),
        );
      }
    } catch (error) {
      throw commandFailureToHttp(error, trajectoryId, trajectory) ?? error;
    }
  }

  /**
   * One open trajectory per person, answered early with the existing trajectory's id. Two creates that pass this
   * check together are stopped by the store's unique index in the append's transaction; the workflow answers the
   * second with a rejection (409).
   */
  private async refuseSecondOpenTrajectory(
    nationalNumber: string,
    trajectoryId: string,
    context: CommandContext,
  ): Promise<void> {
    const check = checkNationalNumber(nationalNumber);
    const open = await this.queries.findOpenTrajectoryStatusByNationalNumber(
      check.valid ? check.nationalNumber : nationalNumber,
    );
    // The create's own trajectory is found when the same create is retried: Temporal answers that one.
    if (!open || open.trajectoryId === trajectoryId) return;
    // Another agency's trajectory is not disclosed: only with whom to arrange a transfer.
    throw open.agency === context.actor.organisation
      ? new CommandRejectedException(
          because(
            'NEWCOMER_HAS_OPEN_TRAJECTORY',
            { trajectoryId: open.trajectoryId, agency: open.agency },
            'nationalNumber',
          ),
          { openTrajectoryId: open.trajectoryId },
        )
      : new CommandRejectedException(
          because('NEWCOMER_HAS_OPEN_TRAJECTORY_ELSEWHERE', { agency: open.agency }, 'nationalNumber'),
        );
  }

  private envelope<C extends TrajectoryCommand>(command: C, context: CommandContext): CommandEnvelope<C> {
    const metadata: CommandMetadata = {
      actor: context.actor.subject,
      actorRole: context.actor.role,
      actorOrganisation: context.actor.organisation,
      correlationId: context.correlationId,
      ...(context.idempotencyKey === undefined ? {} : { idempotencyKey: context.idempotencyKey }),
    };
    return { command, metadata };
  }

  private withinCommandTimeout<R>(call: () => Promise<R>): Promise<R> {
    return this.temporal.withDeadline(Date.now() + COMMAND_TIMEOUT_MS, call);
  }
}
