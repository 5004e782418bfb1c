import { expectReadModelsToAgreeWithFold, readModelTables } from './read-model-assertions';
import { useStoreTestDatabase } from './store-test-database';
import { calendarDate } from '../../libs/domain/src';
import { rebuildReadModels } from '../../libs/store/src';
import { buildWorkload } from '../../bench/trajectory-workload';
import { thirdCountryNewcomerFacts } from '../../libs/domain/src/trajectory/trajectory.fixtures';
import { SCENARIO_NOW, TrajectoryScenario, trajectoryScenarios } from './trajectory-fixtures';

/**
 * The read models are mappings of the domain's fold (stored with each append): for any history they must say what
 * `fold` says about the trajectory's status, facts, deadlines and violations, and a rebuild from the events must
 * reproduce every row the appends wrote.
 */

const database = useStoreTestDatabase({ ownDatabase: true });
const { opened } = trajectoryScenarios(database);

const DAY = 24 * 60 * 60 * 1000;

type Step = (trajectory: TrajectoryScenario) => Promise<unknown>;

const intake: Step = (t) => t.run({ type: 'RecordIntake', intakeOn: '2025-12-15' });
const contract =
  (signedOn: string): Step =>
  (t) =>
    t.run({ type: 'RecordContract', signedOn });
const suspend =
  (suspendedFrom: string): Step =>
  (t) =>
    t.run({ type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom });
const resume =
  (resumedOn: string): Step =>
  (t) =>
    t.run({ type: 'ResumeTrajectory', resumedOn });
const expire: Step = (t) => t.expireDeadlines(SCENARIO_NOW);

const SCENARIOS: Record<string, Step[]> = {
  'registered in time, registration date corrected, transferred': [
    intake,
    contract('2026-02-10'), // due 2026-04-10
    (t) =>
      t.run({ type: 'RecordVdabRegistration', registeredOn: '2026-03-01', vdabClientReference: 'VDAB-F0' }),
    (t) =>
      t.run({
        type: 'CorrectFact',
        fact: 'VDAB_REGISTRATION_DATE',
        correctedDate: '2026-03-03',
        reason: 'per VDAB',
      }),
    (t) =>
      t.run({
        type: 'TransferTrajectory',
        toAgency: 'ATLAS',
        transferredOn: '2026-06-01',
        municipality: 'Antwerpen',
        nisCode: '11002',
        counsellorId: 'c-2',
      }),
  ],
  'suspended twice, resumed twice, then registered in time': [
    intake,
    contract('2026-03-20'), // due 2026-05-20
    suspend('2026-04-01'),
    resume('2026-04-11'), // 10 days: due 2026-05-30
    suspend('2026-05-01'),
    resume('2026-06-01'), // 31 days: due 2026-06-30
    (t) =>
      t.run({ type: 'RecordVdabRegistration', registeredOn: '2026-06-10', vdabClientReference: 'VDAB-F1' }),
  ],
  'missed, fined, transferred without counsellor, then closed': [
    intake,
    contract('2026-02-10'),
    expire,
    (t) =>
      t.run(
        {
          type: 'RecordFineDecision',
          violationId: `${t.trajectoryId}:violation:1`,
          decision: 'FINE',
          amountEuro: 500,
          decidedOn: '2026-06-16',
        },
        'enforcement-officer',
        SCENARIO_NOW + 2 * DAY,
      ),
    (t) =>
      t.run({
        type: 'TransferTrajectory',
        toAgency: 'IN_GENT',
        transferredOn: '2026-06-15',
        municipality: 'Gent',
        nisCode: '44021',
      }),
    (t) => t.run({ type: 'CloseTrajectory', reason: 'CONTRACT_TERMINATED', closedOn: '2026-06-15' }),
  ],
  'missed, registered late (met late), then reassigned to another counsellor': [
    intake,
    contract('2026-02-10'), // due 2026-04-10
    expire,
    (t) =>
      t.run({ type: 'RecordVdabRegistration', registeredOn: '2026-06-01', vdabClientReference: 'VDAB-L1' }),
    (t) =>
      t.run({ type: 'ReassignCounsellor', toCounsellorId: 'c-2', reassignedOn: '2026-06-10' }, 'manager-1'),
  ],
  'contract date corrected while suspended, then closed while suspended': [
    intake,
    contract('2026-05-01'),
    suspend('2026-05-10'),
    (t) =>
      t.run({
        type: 'CorrectFact',
        fact: 'CONTRACT_SIGNING_DATE',
        correctedDate: '2026-05-05',
        reason: 'typo',
      }),
    (t) => t.run({ type: 'CorrectFact', fact: 'INTAKE_DATE', correctedDate: '2025-12-20', reason: 'typo' }),
    (t) => t.run({ type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-01' }),
  ],
  'suspended after its deadline fell due, the deadline then missed while suspended': [
    intake,
    contract('2026-02-10'), // due 2026-04-10
    (t) =>
      t.run(
        { type: 'SuspendTrajectory', reason: 'OTHER', suspendedFrom: '2026-04-11' },
        'caseworker-1',
        Date.parse('2026-04-11T10:00:00Z'),
      ),
    expire,
    (t) =>
      t.run({
        type: 'TransferTrajectory',
        toAgency: 'ATLAS',
        transferredOn: '2026-06-15',
        municipality: 'Antwerpen',
        nisCode: '11002',
        counsellorId: 'c-9',
      }),
  ],
};

describe('read models agree with the domain fold', () => {
  it.each(Object.entries(SCENARIOS))('%s', async (_name, steps) => {
    const trajectory = await opened({ registeredOn: '2025-12-01', counsellorId: 'c-1' });
    for (const step of steps) {
      await step(trajectory);
      await expectReadModelsToAgreeWithFold(database, trajectory);
    }
  });
});

describe('read models agree with the domain fold for the target group', () => {
  it('obliged, overridden before the contract, then exempt by an exemption granted later', async () => {
    const trajectory = await opened({
      registeredOn: '2025-12-01',
      targetGroupFacts: thirdCountryNewcomerFacts('2025-11-01'),
    });
    const steps: Step[] = [
      (t) => t.run({ type: 'RecordAgencyLetter', sentOn: '2025-11-10', sendingAgency: 'AGII' }),
      intake,
      (t) =>
        t.run({
          type: 'OverrideTargetGroup',
          recorded: { status: 'OBLIGED', obligationStartsOn: calendarDate('2025-11-03') },
          reason: 'register extract shows a later date',
        }),
      contract('2026-03-20'),
      suspend('2026-04-01'),
      (t) =>
        t.run({
          type: 'GrantExemption',
          reason: 'SERIOUS_ILLNESS_OR_DISABILITY',
          grantedOn: '2026-04-15',
          explanation: 'medical certificate',
        }),
      resume('2026-05-01'),
    ];
    for (const step of steps) {
      await step(trajectory);
      await expectReadModelsToAgreeWithFold(database, trajectory);
    }
    expect(trajectory.state?.deadlines.map((deadline) => [deadline.kind, deadline.state])).toEqual([
      ['AGENCY_REGISTRATION', 'MET'],
      ['VDAB_REGISTRATION', 'WAIVED'],
    ]);
  });

  it('obliged and registered late, then recorded as ENTITLED: the file for late registration is withdrawn', async () => {
    const trajectory = await opened({
      registeredOn: '2025-12-01',
      targetGroupFacts: thirdCountryNewcomerFacts('2025-06-01'),
    });
    // the agency's letter of 2025-06-05: due to report by 2025-09-05
    await trajectory.run({ type: 'RecordAgencyLetter', sentOn: '2025-06-05', sendingAgency: 'AGII' });
    await expectReadModelsToAgreeWithFold(database, trajectory);
    expect(trajectory.state.violations.map((violation) => violation.state)).toEqual(['OPEN']);
    await trajectory.run({
      type: 'OverrideTargetGroup',
      recorded: { status: 'ENTITLED' },
      reason: 'first stay in Belgium was in 2019',
    });
    await expectReadModelsToAgreeWithFold(database, trajectory);
    expect(trajectory.state.violations.map((violation) => violation.state)).toEqual(['WITHDRAWN']);
  });
});

describe('a rebuild reproduces the rows the appends wrote', () => {
  it('for every scenario above and a workload in every phase, the stored states included', async () => {
    const { trajectories } = buildWorkload(`rebuild-identity-${Date.now()}`, 60, 4);
    for (const trajectory of trajectories) {
      for (const append of trajectory.appends) await database.store.append(append);
    }
    const live = await readModelTables(database.dataSource);
    expect(live.trajectory_summaries.length).toBeGreaterThanOrEqual(60);

    // Default sizes (one piece, folded on this thread); pieces of a few streams folded by two worker threads, read in
    // statements that end inside streams, tables written a few rows or bytes per statement; streams one by one on this
    // thread.
    for (const sizes of [
      {},
      { batchSize: 97, rowsPerCopy: 13, bytesPerCopy: 3_000, pieceBytes: 4_000, workers: 2 },
      { batchSize: 2, rowsPerCopy: 1, pieceBytes: 1, workers: 0 },
    ]) {
      const result = await rebuildReadModels(database.dataSource, sizes);

      expect(result.streams).toBe(live.trajectory_states.length);
      expect(await readModelTables(database.dataSource)).toEqual(live);
    }
  });

  it('a stream without a stored state (appended before states were stored) is folded from its events', async () => {
    const trajectory = await opened({ registeredOn: '2025-12-01', counsellorId: 'c-1' });
    await intake(trajectory);
    await database.dataSource.query('DELETE FROM trajectory_states WHERE stream_id = $1', [
      trajectory.streamId,
    ]);
    // A row the old projections left behind that the fold does not have: replaced, not diffed against.
    await database.dataSource.query(
      `INSERT INTO participation_activities (trajectory_id, activity_id, kind, hours, started_on, ended_on,
                                             organisation, municipality)
       VALUES ($1, 'stale', 'OTHER', 1, '2025-12-02', '2025-12-03', 'stale', 'Gent')`,
      [trajectory.trajectoryId],
    );
    await contract('2026-02-10')(trajectory);
    await expectReadModelsToAgreeWithFold(database, trajectory);

    const live = await readModelTables(database.dataSource);
    await rebuildReadModels(database.dataSource);
    expect(await readModelTables(database.dataSource)).toEqual(live);
  });
});
