import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { addMonths, Agency, calendarDate, endOfDayInstant } from '../../libs/domain/src';
import { openTrajectoryUpdate, trajectoryWorkflowId } from '../../workflows/src/definitions';
import type { trajectoryWorkflow } from '../../workflows/src/trajectory.workflow';
import { eventually } from '../support/eventually';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { armedTimer } from '../support/workflow-histories';

/**
 * Trajectories run for years: the workflow continues as new before its history grows large, carrying its
 * state, its pending deadlines and its idempotency record. Here the threshold is lowered to a few dozen events.
 */
describe('continue-as-new', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('carries a pending deadline into the new run, where it is re-armed and still fires', async () => {
    const trajectoryId = randomUUID();
    const workflowId = trajectoryWorkflowId(trajectoryId);
    const { agency, counsellorId, ...person } = newcomer();
    await system.temporal.workflow.executeUpdateWithStart(openTrajectoryUpdate, {
      args: [
        {
          command: {
            type: 'OpenTrajectory',
            trajectoryId,
            newcomer: person,
            agency: agency as Agency,
            counsellorId,
            registeredOn: daysAgo(100),
          },
          metadata: { actor: 'test' },
        },
      ],
      startWorkflowOperation: new WithStartWorkflowOperation<typeof trajectoryWorkflow>(
        'trajectoryWorkflow',
        {
          workflowId,
          taskQueue: system.taskQueue,
          workflowIdConflictPolicy: 'FAIL',
          args: [{ trajectoryId, continueAsNewAfterHistoryEvents: 20 }],
        },
      ),
    });
    const firstRunId = (await system.temporal.workflow.getHandle(workflowId).describe()).runId;

    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(90) })
      .expect(200);
    const signedOn = daysAgo(20);
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .set('Idempotency-Key', 'contract-1')
      .send({ signedOn })
      .expect(200);

    const newRun = await eventually(async () => {
      const description = await system.temporal.workflow.getHandle(workflowId).describe();
      expect(description.runId).not.toBe(firstRunId);
      return description;
    });
    expect(newRun.status.name).toBe('RUNNING');
    const dueOn = addMonths(calendarDate(signedOn), 2);
    const timer = await eventually(() => armedTimer(system, workflowId));
    expect(Math.abs(timer.firesAt - endOfDayInstant(dueOn))).toBeLessThan(60_000);

    // The idempotency record crossed over: a retried contract gets its first answer, and nothing is written.
    const retried = await system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .set('Idempotency-Key', 'contract-1')
      .send({ signedOn })
      .expect(200);
    expect(retried.body).toEqual({
      trajectoryId,
      version: 5,
      events: ['ContractSigned', 'PillarsDetermined', 'DeadlineSet'],
    });

    // Correcting the signing date moves the carried deadline into the past: the new run records the miss.
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/corrections`)
      .send({
        fact: 'CONTRACT_SIGNING_DATE',
        correctedDate: daysAgo(80),
        reason: 'date of the copy, not of the signature',
      })
      .expect(200);
    const correctedDue = addMonths(calendarDate(daysAgo(80)), 2);
    await eventually(async () => {
      const view = await system.http().get(`/trajectories/${trajectoryId}`).expect(200);
      expect(view.body.deadlines).toEqual([
        expect.objectContaining({ state: 'MISSED', dueOn: correctedDue }),
      ]);
      expect(view.body.violations).toHaveLength(1);
    });
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });
});
