import { trajectoryIdsNeedingWorkflow } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { trajectoryScenarios } from './trajectory-fixtures';

const database = useStoreTestDatabase();
const { contractSigned } = trajectoryScenarios(database);

/** What `npm run workflows:restart -- --missing` restarts when their workflows are gone. */
describe('trajectories that need a running workflow', () => {
  it('are the open ones and the closed ones with a violation file awaiting a decision', async () => {
    const open = await contractSigned({ signedOn: '2026-02-10' });
    const closedWithOpenFile = await contractSigned({ signedOn: '2026-03-10' });
    await closedWithOpenFile.expireDeadlines(Date.parse('2026-05-11T08:00:00Z'));
    await closedWithOpenFile.run({
      type: 'CloseTrajectory',
      reason: 'MOVED_OUT_OF_FLANDERS',
      closedOn: '2026-06-01',
    });
    const closed = await contractSigned({ signedOn: '2026-03-10' });
    await closed.run({ type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-04-01' });

    const needing = new Set(await trajectoryIdsNeedingWorkflow(database.dataSource));

    expect(needing.has(open.trajectoryId)).toBe(true);
    expect(needing.has(closedWithOpenFile.trajectoryId)).toBe(true);
    expect(needing.has(closed.trajectoryId)).toBe(false);
  });
});
