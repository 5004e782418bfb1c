import { WorkflowUpdateFailedError, WithStartWorkflowOperation } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { Agency } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import {
  COMMAND_REJECTED,
  openTrajectoryUpdate,
  trajectoryWorkflowId,
} from '../../workflows/src/definitions';
import type { trajectoryWorkflow } from '../../workflows/src/trajectory.workflow';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';

/**
 * One trajectory that is not closed per newcomer. The API refuses a second one up front; two requests that pass
 * that check together, or a client that bypasses the API, are stopped by the store and answered as a rejection.
 */
describe('one active trajectory per newcomer', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('two concurrent registrations of the same person open exactly one trajectory', async () => {
    const person = newcomer({ registeredOn: daysAgo(3) });
    const responses = await Promise.all([
      system.http().post('/trajectories').set('Idempotency-Key', `a-${person.nationalNumber}`).send(person),
      system.http().post('/trajectories').set('Idempotency-Key', `b-${person.nationalNumber}`).send(person),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'INVALID_STATE', field: 'nationalNumber' });
  });

  it('a second trajectory sent straight to Temporal is refused by the store, and nothing is written', async () => {
    const registeredOn = daysAgo(3);
    const { agency, counsellorId, ...person } = newcomer();
    await system
      .http()
      .post('/trajectories')
      .send({ ...person, agency, counsellorId, registeredOn })
      .expect(201);

    const trajectoryId = randomUUID();
    const attempt = system.temporal.workflow.executeUpdateWithStart(openTrajectoryUpdate, {
      args: [
        {
          command: {
            type: 'OpenTrajectory',
            trajectoryId,
            newcomer: person,
            agency: agency as Agency,
            registeredOn,
          },
          metadata: { actor: 'test' },
        },
      ],
      startWorkflowOperation: new WithStartWorkflowOperation<typeof trajectoryWorkflow>(
        'trajectoryWorkflow',
        {
          workflowId: trajectoryWorkflowId(trajectoryId),
          taskQueue: system.taskQueue,
          workflowIdConflictPolicy: 'FAIL',
          args: [{ trajectoryId }],
        },
      ),
    });
    const failure = await attempt.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (failure as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({
      type: COMMAND_REJECTED,
      details: [{ code: 'INVALID_STATE', field: 'nationalNumber' }],
    });
    expect(await new EventStore(system.database).countEvents(trajectoryId)).toBe(0);
  });
});
