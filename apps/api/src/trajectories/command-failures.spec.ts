import { HttpException } from '@nestjs/common';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { because, type Rejection } from '../../../../libs/domain/src';
import type { TrajectorySummaryView } from '../../../../libs/store/src/read-models.types';
import { COMMAND_REJECTED } from '../../../../workflows/src/definitions';
import { commandFailureToHttp } from './command-failures';

const trajectoryId = '6f0c56a2-3d5e-8b4f-9a1c-2e7d8f9a0b1c';

function rejected(rejection: Rejection): WorkflowUpdateFailedError {
  const failure = ApplicationFailure.create({
    type: COMMAND_REJECTED,
    message: rejection.message,
    details: [rejection],
    nonRetryable: true,
  });
  return new WorkflowUpdateFailedError('Workflow Update failed', failure);
}

function answer(exception: HttpException | undefined): { status: number; body: unknown } {
  if (!exception) throw new Error('expected an HTTP answer');
  return { status: exception.getStatus(), body: exception.getResponse() };
}

const closedTrajectory = {
  trajectoryId,
  status: 'CLOSED',
  closureReason: 'MOVED_OUT_OF_FLANDERS',
  closedOn: '2025-06-30',
} as TrajectorySummaryView;

describe('commandFailureToHttp', () => {
  it('answers a rejection for the current state with 409, the domain reason and its parameters', () => {
    const error = rejected(because('TRAJECTORY_SUSPENDED', { suspendedFrom: '2025-04-01' }));

    expect(answer(commandFailureToHttp(error, trajectoryId, null))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'INVALID_STATE',
        message: 'trajectory is suspended since 2025-04-01; resume it first',
        reason: 'TRAJECTORY_SUSPENDED',
        params: { suspendedFrom: '2025-04-01' },
      },
    });
  });

  it.each([
    ['INVALID_INPUT', because('NOT_A_DATE', { field: 'signedOn' }, 'signedOn')],
    [
      'RULE_VIOLATION',
      because('DATE_IN_FUTURE', { field: 'signedOn', date: '2099-01-01', today: '2025-05-01' }, 'signedOn'),
    ],
  ] as const)('answers %s with 422 naming the field', (code, rejection) => {
    expect(answer(commandFailureToHttp(rejected(rejection), trajectoryId, null))).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code,
        message: rejection.message,
        field: 'signedOn',
        reason: rejection.reason,
        params: rejection.params,
      },
    });
  });

  it("keeps the code, text and field of an older worker's rejection without a reason", () => {
    const error = rejected({
      code: 'RULE_VIOLATION',
      message: 'signedOn must not be before the intake on 2025-04-01',
      field: 'signedOn',
    } as Rejection);

    expect(answer(commandFailureToHttp(error, trajectoryId, null))).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'RULE_VIOLATION',
        message: 'signedOn must not be before the intake on 2025-04-01',
        field: 'signedOn',
        reason: 'COMMAND_REFUSED',
        params: { detail: 'signedOn must not be before the intake on 2025-04-01' },
      },
    });
  });

  it('leaves an update failure that is not a rejection to surface as a server error', () => {
    const failure = ApplicationFailure.create({
      type: 'StreamVersionConflict',
      message: 'version 3 already exists',
    });

    expect(
      commandFailureToHttp(
        new WorkflowUpdateFailedError('Workflow Update failed', failure),
        trajectoryId,
        null,
      ),
    ).toBeUndefined();
    expect(commandFailureToHttp(new Error('boom'), trajectoryId, null)).toBeUndefined();
  });

  it('answers an update to an ended workflow of a known trajectory with 409 closed', () => {
    const error = new WorkflowNotFoundError(
      'workflow execution already completed',
      `trajectory-${trajectoryId}`,
      undefined,
    );

    expect(answer(commandFailureToHttp(error, trajectoryId, closedTrajectory))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'INVALID_STATE',
        message: 'trajectory is closed (MOVED_OUT_OF_FLANDERS on 2025-06-30)',
        reason: 'TRAJECTORY_CLOSED',
        params: { closureReason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2025-06-30' },
      },
    });
  });

  it('answers a workflow unknown to Temporal and to the read model with 404', () => {
    const error = new WorkflowNotFoundError('workflow not found', `trajectory-${trajectoryId}`, undefined);

    expect(answer(commandFailureToHttp(error, trajectoryId, null)).status).toBe(404);
  });

  it('answers a create whose derived workflow id has ended with 409', () => {
    const error = new WorkflowExecutionAlreadyStartedError(
      'Workflow execution already started',
      `trajectory-${trajectoryId}`,
      'trajectoryWorkflow',
    );

    expect(answer(commandFailureToHttp(error, trajectoryId, null))).toMatchObject({
      status: 409,
      body: { code: 'INVALID_STATE', reason: 'TRAJECTORY_OF_KEY_ENDED', params: { trajectoryId } },
    });
  });

  it('answers a timed-out update or an unreachable Temporal with 503', () => {
    const unavailable = new ServiceError('Update-With-Start failed', {
      cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
        code: 14,
        details: '',
        metadata: {},
      }),
    });

    expect(
      answer(
        commandFailureToHttp(new WorkflowUpdateRPCTimeoutOrCancelledError('deadline'), trajectoryId, null),
      ).status,
    ).toBe(503);
    expect(answer(commandFailureToHttp(unavailable, trajectoryId, null)).status).toBe(503);
  });
});
