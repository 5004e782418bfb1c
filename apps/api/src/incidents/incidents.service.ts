import {
  ConflictException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { IncidentStore, IncidentView } from '../../../../libs/store/src';
import { trajectoryWorkflowId } from '../../../../workflows/src/definitions';
import {
  INCIDENT_NOT_OPEN,
  retryIncidentUpdate,
  RetryIncidentResult,
} from '../../../../workflows/src/incident-definitions';
import type { CommandContext } from '../http/command-context';

/** Long enough for the held command's append and its retries (the workflow's local activity gives up at 20 s). */
const RETRY_TIMEOUT_MS = 30_000;

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentStore,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  list(state: 'OPEN' | 'RESOLVED'): Promise<IncidentView[]> {
    return this.incidents.list({ state });
  }

  async retry(incidentId: string, context: CommandContext): Promise<RetryIncidentResult> {
    const incident = await this.incidents.find(incidentId);
    if (!incident) throw new NotFoundException(`incident ${incidentId} not found`);
    if (incident.state !== 'OPEN') throw notOpen(incidentId);
    const handle = this.temporal.workflow.getHandle(trajectoryWorkflowId(incident.trajectoryId));
    try {
      return await this.temporal.withDeadline(Date.now() + RETRY_TIMEOUT_MS, () =>
        handle.executeUpdate(retryIncidentUpdate, {
          args: [{ incidentId, actor: context.actor.subject }],
          updateId: randomUUID(),
        }),
      );
    } catch (error) {
      if (
        error instanceof WorkflowUpdateFailedError &&
        error.cause instanceof ApplicationFailure &&
        error.cause.type === INCIDENT_NOT_OPEN
      )
        throw notOpen(incidentId);
      if (error instanceof WorkflowNotFoundError) throw notOpen(incidentId);
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
        throw new ServiceUnavailableException(
          'the trajectory service did not answer in time; see GET /incidents for the outcome',
        );
      throw error;
    }
  }
}

function notOpen(incidentId: string): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: 'INVALID_STATE',
    message: `incident ${incidentId} is not open (resolved already, or its trajectory's workflow has ended)`,
  });
}
