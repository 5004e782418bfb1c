import { randomUUID } from 'node:crypto';
import { EVERYTHING, NOTHING, ReadScope, rebuildReadModels } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, TrajectoryScenario, trajectoryScenarios } from './trajectory-fixtures';

/**
 * The access scopes of the list queries against the rows the one fold projects: a transfer moves the agency and the
 * municipality the scopes filter on, the NT2 course provider is found in the pillar's details, and a rebuild keeps
 * every scope's answer.
 */

const database = useStoreTestDatabase();
const { opened, contractSigned } = trajectoryScenarios(database);

interface Fixture {
  /** AGII, contract signed, referred to an NT2 course of `provider`. */
  referred: TrajectoryScenario;
  /** Transferred from AGII in `home` to ATLAS in `movedTo`. */
  transferred: TrajectoryScenario;
  /** Opened only: no contract, so no pillar rows. */
  openedOnly: TrajectoryScenario;
  /** A missed VDAB deadline and its violation file. */
  withViolation: TrajectoryScenario;
  home: string;
  movedTo: string;
  provider: string;
}

let fixture: Fixture;

beforeAll(async () => {
  const home = `Scopegemeente-${randomUUID()}`;
  const movedTo = `Scopeverhuis-${randomUUID()}`;
  const provider = `CVO Scope ${randomUUID()}`;

  const referred = await contractSigned({ agency: 'AGII', municipality: home });
  await referred.run({
    type: 'ReferToNt2Course',
    provider,
    course: 'NT2 1.1',
    level: 'A1',
    referredOn: '2026-03-02',
  });

  const transferred = await contractSigned({ agency: 'AGII', municipality: home, signedOn: '2026-05-01' });
  await transferred.run({
    type: 'TransferTrajectory',
    toAgency: 'ATLAS',
    transferredOn: '2026-06-01',
    municipality: movedTo,
    nisCode: '11002',
  });

  const openedOnly = await opened({ agency: 'AGII', municipality: home });

  const withViolation = await contractSigned({ agency: 'AGII', municipality: home, signedOn: '2026-02-10' });
  await withViolation.expireDeadlines(SCENARIO_NOW);

  fixture = { referred, transferred, openedOnly, withViolation, home, movedTo, provider };
});

function all(): TrajectoryScenario[] {
  return [fixture.referred, fixture.transferred, fixture.openedOnly, fixture.withViolation];
}

async function inScope(scope: ReadScope): Promise<string[]> {
  const ids = all().map((trajectory) => trajectory.trajectoryId);
  const found = await database.queries.trajectoriesInScope(ids, scope);
  return ids.filter((id) => found.has(id));
}

function idsOf(...trajectories: TrajectoryScenario[]): string[] {
  return trajectories.map((trajectory) => trajectory.trajectoryId);
}

async function expectScopes(): Promise<void> {
  const { referred, transferred, openedOnly, withViolation, home, movedTo, provider } = fixture;
  expect(await inScope(EVERYTHING)).toEqual(idsOf(referred, transferred, openedOnly, withViolation));
  expect(await inScope(NOTHING)).toEqual([]);
  expect(await inScope({ agencies: ['ATLAS'] })).toEqual(idsOf(transferred));
  expect(await inScope({ agencies: ['AGII'] })).toEqual(idsOf(referred, openedOnly, withViolation));
  // the transfer's NewcomerMoved moves the newcomer: the municipality scopes follow (case-insensitively)
  expect(await inScope({ municipalities: [movedTo.toUpperCase()] })).toEqual(idsOf(transferred));
  expect(await inScope({ municipalities: [home] })).toEqual(idsOf(referred, openedOnly, withViolation));
  expect(await inScope({ excludedMunicipalities: [home.toLowerCase()] })).toEqual(idsOf(transferred));
  expect(await inScope({ agencies: ['AGII'], municipalities: [movedTo] })).toEqual([]);
  expect(await inScope({ pillarApplies: 'NT2' })).toEqual(idsOf(referred, transferred, withViolation));
  expect(await inScope({ courseProvider: provider })).toEqual(idsOf(referred));
  expect(await inScope({ courseProvider: `${provider} elders` })).toEqual([]);
  expect(await inScope({ withViolationFile: true })).toEqual(idsOf(withViolation));

  const deadlines = await database.queries.listDeadlines({
    scope: { agencies: ['ATLAS'], municipalities: [movedTo] },
  });
  expect(new Set(deadlines.items.map((deadline) => deadline.trajectoryId))).toEqual(
    new Set(idsOf(transferred)),
  );
  expect(
    await database.queries.listDeadlines({ scope: { agencies: ['AGII'], municipalities: [movedTo] } }),
  ).toEqual({
    items: [],
    total: 0,
  });
  expect(
    (await database.queries.findTrajectory(transferred.trajectoryId, { municipalities: [home] })) ??
      'not visible',
  ).toBe('not visible');
  expect(
    await database.queries.findTrajectory(transferred.trajectoryId, { municipalities: [movedTo] }),
  ).toMatchObject({ agency: 'ATLAS', municipality: movedTo });
}

describe('read scopes of the list queries', () => {
  it('filter on the projected agency, municipality, pillars, course providers and violation files', async () => {
    expect(fixture.transferred.state.newcomer.municipality).toBe(fixture.movedTo);
    await expectScopes();
  });

  it('answer the same after a rebuild of the read models', async () => {
    await rebuildReadModels(database.dataSource, { batchSize: 3 });
    await expectScopes();
  });
});
