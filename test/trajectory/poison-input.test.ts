import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { checkNationalNumber, OpenTrajectory } from '../../libs/domain/src';
import { EventStore } from '../../libs/store/src';
import {
  COMMAND_REJECTED,
  CommandEnvelope,
  openTrajectoryUpdate,
  trajectoryWorkflowId,
} from '../../workflows/src/definitions';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/**
 * Poison input below the API: a value PostgreSQL cannot store (a NUL character, a lone surrogate) sent straight to
 * the workflow, as a client that bypasses the API's validation would. The store refuses it as a data error, the
 * workflow answers the command with a rejection naming the field instead of retrying, nothing is written, and the
 * trajectory goes on taking valid commands.
 */
describe('a value the store cannot hold, sent straight to the workflow', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  function openCommand(trajectoryId: string, overrides: Record<string, unknown>): OpenTrajectory {
    const person = newcomer(overrides);
    const checked = checkNationalNumber(person.nationalNumber);
    return {
      type: 'OpenTrajectory',
      trajectoryId,
      newcomer: {
        nationalNumber: checked.valid ? checked.nationalNumber : person.nationalNumber,
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: person.birthDate,
        municipality: person.municipality,
      },
      agency: person.agency as OpenTrajectory['agency'],
      counsellorId: person.counsellorId,
      registeredOn: daysAgo(10),
    } as OpenTrajectory;
  }

  function open(trajectoryId: string, command: OpenTrajectory, key: string) {
    const envelope: CommandEnvelope<OpenTrajectory> = {
      command,
      metadata: { actor: 'hostile-client', idempotencyKey: key },
    };
    return system.temporal.workflow.executeUpdateWithStart(openTrajectoryUpdate, {
      args: [envelope],
      updateId: key,
      startWorkflowOperation: new WithStartWorkflowOperation('trajectoryWorkflow', {
        workflowId: trajectoryWorkflowId(trajectoryId),
        taskQueue: system.taskQueue,
        args: [{ trajectoryId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  }

  it.each([
    ['a NUL character', 'Am\u0000ina', 'local-activity-unstorable-value-rejected'],
    ['a lone surrogate', 'Amina \ud800', undefined],
  ])(
    'rejects %s without a retry or an event, then takes valid commands',
    async (_what, givenName, history) => {
      const trajectoryId = randomUUID();
      const poisoned = openCommand(trajectoryId, { givenName });
      const started = Date.now();
      const failure = await open(trajectoryId, poisoned, randomUUID()).then(
        () => undefined,
        (error: unknown) => error,
      );
      // Answered at once: a data error is not retried (the append's retries would take seconds).
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (failure as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe(COMMAND_REJECTED);
      expect((cause as ApplicationFailure).details?.[0]).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'newcomer.givenName',
      });
      expect((cause as ApplicationFailure).message).not.toContain(poisoned.newcomer.nationalNumber);
      const store = new EventStore(system.database);
      expect(await store.countEvents(trajectoryId)).toBe(0);

      // The same trajectory then opens with valid data, and takes the next command through the API.
      const valid = { ...poisoned, newcomer: { ...poisoned.newcomer, givenName: 'Amina' } };
      await expect(open(trajectoryId, valid, randomUUID())).resolves.toMatchObject({
        trajectoryId,
        version: 1,
        events: ['TrajectoryOpened'],
      });
      await system
        .http()
        .post(`/trajectories/${trajectoryId}/intake`)
        .send({ intakeOn: daysAgo(9) })
        .expect(200, { trajectoryId, version: 2, events: ['IntakeRecorded'] });
      expect((await store.readStream(trajectoryId)).map((event) => event.type)).toEqual([
        'TrajectoryOpened',
        'IntakeRecorded',
      ]);
      if (history) await recordHistoryIfAsked(system, trajectoryWorkflowId(trajectoryId), history);
    },
  );
});
