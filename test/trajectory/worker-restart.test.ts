import { EventStore } from '../../libs/store/src';
import { expectWorkflowMatchesEventStore } from '../support/folded-state';
import { daysAgo, newcomer } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { recordHistoryIfAsked } from '../support/workflow-histories';

/** Workers come and go (deploys, crashes); trajectories must carry on exactly where they were. */
describe('a worker restart between two commands', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.close());

  it('continues the trajectory with nothing lost or duplicated', async () => {
    const { body } = await system
      .http()
      .post('/trajectories')
      .send(newcomer({ registeredOn: daysAgo(10) }))
      .expect(201);
    const { trajectoryId } = body;
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/intake`)
      .send({ intakeOn: daysAgo(9) })
      .expect(200);

    await system.stopWorker();
    // Sent while no worker runs: the update waits in Temporal until a new worker picks it up.
    const contract = system
      .http()
      .post(`/trajectories/${trajectoryId}/contract`)
      .send({ signedOn: daysAgo(8) })
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await system.startWorker();
    const answered = await contract;
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({
      trajectoryId,
      version: 5,
      events: ['ContractSigned', 'PillarsDetermined', 'DeadlineSet'],
    });

    await system.stopWorker();
    await system.startWorker();
    await system
      .http()
      .post(`/trajectories/${trajectoryId}/vdab-registration`)
      .send({ registeredOn: daysAgo(1), vdabClientReference: 'VDAB-RESTART' })
      .expect(200, {
        trajectoryId,
        version: 8,
        events: ['VdabRegistrationRecorded', 'DeadlineMet', 'PillarCompleted'],
      });

    const stored = await new EventStore(system.database).readStream(trajectoryId);
    expect(stored.map((event) => [event.version, event.type])).toEqual([
      [1, 'TrajectoryOpened'],
      [2, 'IntakeRecorded'],
      [3, 'ContractSigned'],
      [4, 'PillarsDetermined'],
      [5, 'DeadlineSet'],
      [6, 'VdabRegistrationRecorded'],
      [7, 'DeadlineMet'],
      [8, 'PillarCompleted'],
    ]);
    await recordHistoryIfAsked(system, `trajectory-${trajectoryId}`, 'worker-restart-between-commands');
    await expectWorkflowMatchesEventStore(system, trajectoryId);
  });
});
