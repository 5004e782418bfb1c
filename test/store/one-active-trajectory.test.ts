import { decide } from '../../libs/domain/src';
import { NewcomerHasActiveTrajectoryError } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, trajectoryScenarios } from './trajectory-fixtures';

/** One trajectory that is not closed per newcomer, enforced in the append's own transaction. */
describe('one active trajectory per newcomer', () => {
  const database = useStoreTestDatabase();
  const { opened, scenario } = trajectoryScenarios(database);

  it('refuses to open a second trajectory for the same newcomer until the first is closed, writing nothing', async () => {
    const first = await opened();
    const second = scenario();
    const openSecond = () => {
      const decision = decide(
        undefined,
        {
          type: 'OpenTrajectory',
          trajectoryId: second.trajectoryId,
          newcomer: first.newcomer,
          agency: 'ATLAS',
          registeredOn: '2026-02-01',
        },
        { now: SCENARIO_NOW },
      );
      if (!decision.accepted) throw new Error(decision.rejection.message);
      return database.store.append({
        streamId: second.streamId,
        expectedVersion: 0,
        events: decision.events,
        metadata: { actor: 'test' },
      });
    };

    await expect(openSecond()).rejects.toBeInstanceOf(NewcomerHasActiveTrajectoryError);
    expect(await database.store.countEvents(second.streamId)).toBe(0);
    expect(await database.queries.findTrajectory(second.trajectoryId)).toBeNull();

    await first.run({ type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-03-01' });
    await expect(openSecond()).resolves.toMatchObject({ firstVersion: 1, duplicate: false });
    expect(
      (await database.queries.findOpenTrajectoryByNationalNumber(first.newcomer.nationalNumber))
        ?.trajectoryId,
    ).toBe(second.trajectoryId);
  });
});
