import { randomUUID } from 'node:crypto';
import { TrajectoryCommand } from '../../libs/domain/src';
import { rebuildReadModels, TrajectorySummaryView, ViolationRecord } from '../../libs/store/src';
import { readModelRows } from './read-model-assertions';
import { useStoreTestDatabase } from './store-test-database';
import {
  ScenarioOptions,
  SCENARIO_NOW,
  TrajectoryScenario,
  trajectoryScenarios,
} from './trajectory-fixtures';

/** Suspension, resumption, deadline moves, transfer, corrections and fine decisions in the read models. */

const database = useStoreTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

/** Workflow time at 10:00 UTC on a calendar date (noon in Brussels: the same date there). */
function at(date: string): number {
  return Date.parse(`${date}T10:00:00.000Z`);
}

const { contractSigned } = trajectoryScenarios(database);

/** A missed VDAB deadline (contract 2026-02-10, due 2026-04-10) and the violation file it opened on SCENARIO_NOW. */
async function violationOpened(options: ScenarioOptions = {}): Promise<TrajectoryScenario> {
  const trajectory = await contractSigned({ ...options, signedOn: '2026-02-10' });
  await trajectory.expireDeadlines(SCENARIO_NOW);
  return trajectory;
}

/** A trajectory with its contract signed, after `commands`, and its summary as the read models then show it. */
async function viewAfter(
  options: ScenarioOptions & { signedOn: string },
  commands: TrajectoryCommand[],
): Promise<{ trajectory: TrajectoryScenario; view: TrajectorySummaryView | null }> {
  const trajectory = await contractSigned(options);
  for (const command of commands) await trajectory.run(command);
  return { trajectory, view: await database.queries.findTrajectory(trajectory.trajectoryId) };
}

function vdabDeadlineId(trajectory: TrajectoryScenario): string {
  return `${trajectory.trajectoryId}:VDAB_REGISTRATION`;
}

describe('suspension and resumption', () => {
  it('suspends the trajectory and pauses its open deadlines', async () => {
    const trajectory = await contractSigned({ signedOn: '2026-05-01' }); // due 2026-07-01
    await trajectory.run({
      type: 'SuspendTrajectory',
      reason: 'ILLNESS',
      suspendedFrom: '2026-05-20',
      explanation: 'hospitalised',
    });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({
      status: 'SUSPENDED',
      suspensionReason: 'ILLNESS',
      suspendedFrom: '2026-05-20',
      version: trajectory.state.version,
      deadlines: [{ deadlineId: vdabDeadlineId(trajectory), state: 'SUSPENDED', dueOn: '2026-07-01' }],
    });
    // Still the person's trajectory: a second one must not be opened meanwhile.
    expect(
      (await database.queries.findOpenTrajectoryByNationalNumber(trajectory.newcomer.nationalNumber))
        ?.trajectoryId,
    ).toBe(trajectory.trajectoryId);
  });

  it('pauses a deadline due on the suspension day, but not one that fell due before it', async () => {
    // The deadline timer has not fired yet: both deadlines are still OPEN when the suspension is recorded.
    const onTheDay = await contractSigned({ signedOn: '2026-02-10', now: at('2026-04-10') }); // due 2026-04-10
    await onTheDay.run({ type: 'SuspendTrajectory', reason: 'PREGNANCY', suspendedFrom: '2026-04-10' });
    const dayAfter = await contractSigned({ signedOn: '2026-02-10', now: at('2026-04-11') });
    await dayAfter.run({ type: 'SuspendTrajectory', reason: 'PREGNANCY', suspendedFrom: '2026-04-11' });

    expect((await database.queries.findTrajectory(onTheDay.trajectoryId))?.deadlines).toMatchObject([
      { state: 'SUSPENDED', dueOn: '2026-04-10' },
    ]);
    expect((await database.queries.findTrajectory(dayAfter.trajectoryId))?.deadlines).toMatchObject([
      { state: 'OPEN', dueOn: '2026-04-10' },
    ]);
  });

  it('resumes: status back to OPEN, suspension cleared, paused deadlines open again and moved by the suspended days', async () => {
    const trajectory = await contractSigned({ signedOn: '2026-05-01' }); // due 2026-07-01
    await trajectory.run({ type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: '2026-05-20' });
    await trajectory.run({ type: 'ResumeTrajectory', resumedOn: '2026-06-10' }); // 21 days

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({
      status: 'OPEN',
      suspensionReason: null,
      suspendedFrom: null,
      version: trajectory.state.version,
      deadlines: [{ state: 'OPEN', dueOn: '2026-07-22', metOn: null }],
    });
    const timeline = await database.queries.timeline(trajectory.trajectoryId);
    expect(timeline.slice(-2).map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'TrajectoryResumed',
        data: { suspendedFrom: '2026-05-20', resumedOn: '2026-06-10', suspendedDays: 21 },
      },
      {
        type: 'DeadlineMoved',
        data: {
          deadlineId: vdabDeadlineId(trajectory),
          kind: 'VDAB_REGISTRATION',
          previousDueOn: '2026-07-01',
          dueOn: '2026-07-22',
          reason: 'SUSPENSION',
        },
      },
    ]);
  });

  it('meets a paused deadline when the registration is recorded during the suspension', async () => {
    const { view } = await viewAfter({ signedOn: '2026-05-01' }, [
      { type: 'SuspendTrajectory', reason: 'OTHER', suspendedFrom: '2026-05-20' },
      { type: 'RecordVdabRegistration', registeredOn: '2026-06-01', vdabClientReference: 'VDAB-S1' },
      { type: 'ResumeTrajectory', resumedOn: '2026-06-10' },
    ]);

    expect(view).toMatchObject({
      status: 'OPEN',
      deadlines: [{ state: 'MET', metOn: '2026-06-01', dueOn: '2026-07-01' }],
    });
  });

  it('closing a suspended trajectory waives its paused deadlines and keeps the suspension on record', async () => {
    const { trajectory, view } = await viewAfter({ signedOn: '2026-05-01' }, [
      { type: 'SuspendTrajectory', reason: 'FAMILY_CIRCUMSTANCES', suspendedFrom: '2026-05-20' },
      { type: 'CloseTrajectory', reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-01' },
    ]);

    expect(view).toMatchObject({
      status: 'CLOSED',
      closedOn: '2026-06-01',
      closureReason: 'MOVED_OUT_OF_FLANDERS',
      suspensionReason: 'FAMILY_CIRCUMSTANCES',
      suspendedFrom: '2026-05-20',
      deadlines: [{ state: 'WAIVED', dueOn: '2026-07-01' }],
    });
    expect(trajectory.state.deadlines).toMatchObject([{ state: 'WAIVED' }]);
    expect(
      await database.queries.findOpenTrajectoryByNationalNumber(trajectory.newcomer.nationalNumber),
    ).toBeNull();
  });
});

describe('transfer', () => {
  it('moves the summary and its deadline rows to the new agency and counsellor', async () => {
    const municipality = `Transfergemeente-${randomUUID()}`;
    const counsellorId = `counsellor-${randomUUID()}`;
    const trajectory = await contractSigned({
      agency: 'AGII',
      counsellorId: 'counsellor-before',
      municipality,
      signedOn: '2026-05-01',
    });
    await trajectory.run({
      type: 'TransferTrajectory',
      toAgency: 'ATLAS',
      transferredOn: '2026-06-01',
      municipality,
      nisCode: '11002',
      counsellorId,
    });

    expect(await database.queries.findTrajectory(trajectory.trajectoryId)).toMatchObject({
      agency: 'ATLAS',
      counsellorId,
      version: trajectory.state.version,
      deadlines: [{ agency: 'ATLAS', counsellorId, state: 'OPEN', dueOn: '2026-07-01' }],
    });
    const underNewAgency = await database.queries.listDeadlines({ municipality, agency: 'ATLAS' });
    expect(underNewAgency.items.map((deadline) => deadline.trajectoryId)).toEqual([trajectory.trajectoryId]);
    expect(await database.queries.listDeadlines({ municipality, agency: 'AGII' })).toEqual({
      items: [],
      total: 0,
    });
    expect((await database.queries.listDeadlines({ municipality, counsellorId })).total).toBe(1);
    expect(
      (await database.queries.listDeadlines({ municipality, counsellorId: 'counsellor-before' })).total,
    ).toBe(0);
  });

  it('clears the counsellor when the receiving agency has not assigned one yet', async () => {
    const trajectory = await contractSigned({ agency: 'IN_GENT', counsellorId: 'counsellor-gent' });
    await trajectory.run({
      type: 'TransferTrajectory',
      toAgency: 'AGII',
      transferredOn: '2026-06-01',
      municipality: 'Mechelen',
      nisCode: '12025',
    });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({ agency: 'AGII', counsellorId: null });
    expect(view?.deadlines).toMatchObject([{ agency: 'AGII', counsellorId: null }]);
  });
});

describe('fact corrections', () => {
  it.each<{ name: string; signedOn: string; commands: TrajectoryCommand[]; expected: object }>([
    {
      name: 'corrects the intake date in the summary; the deadline, anchored on the contract, stays',
      signedOn: '2026-02-10',
      commands: [
        {
          type: 'CorrectFact',
          fact: 'INTAKE_DATE',
          correctedDate: '2025-12-18',
          reason: 'typo in the intake form',
        },
      ],
      expected: {
        intakeOn: '2025-12-18',
        phase: 'CONTRACT_SIGNED',
        deadlines: [{ state: 'OPEN', dueOn: '2026-04-10' }],
      },
    },
    {
      name: 'moves a suspended deadline without resuming it',
      signedOn: '2026-05-01',
      commands: [
        { type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: '2026-05-20' },
        {
          type: 'CorrectFact',
          fact: 'CONTRACT_SIGNING_DATE',
          correctedDate: '2026-05-04',
          reason: 'wrong date',
        },
      ],
      expected: { status: 'SUSPENDED', deadlines: [{ state: 'SUSPENDED', dueOn: '2026-07-04' }] },
    },
    {
      name: 'corrects the VDAB registration date in the summary and on the met deadline',
      signedOn: '2026-02-10', // due 2026-04-10
      commands: [
        { type: 'RecordVdabRegistration', registeredOn: '2026-03-01', vdabClientReference: 'VDAB-C1' },
        {
          type: 'CorrectFact',
          fact: 'VDAB_REGISTRATION_DATE',
          correctedDate: '2026-03-05',
          reason: 'VDAB confirmed another date',
        },
      ],
      expected: {
        vdabRegisteredOn: '2026-03-05',
        vdabClientReference: 'VDAB-C1',
        deadlines: [{ state: 'MET', metOn: '2026-03-05', dueOn: '2026-04-10' }],
      },
    },
  ])('$name', async ({ signedOn, commands, expected }) => {
    const { trajectory, view } = await viewAfter({ signedOn }, commands);

    expect(view).toMatchObject({ ...expected, version: trajectory.state.version });
  });

  it('corrects the contract signing date and moves the open deadline with it, keeping its state', async () => {
    // Due 2026-07-01 before the correction.
    const { trajectory, view } = await viewAfter({ signedOn: '2026-05-01' }, [
      {
        type: 'CorrectFact',
        fact: 'CONTRACT_SIGNING_DATE',
        correctedDate: '2026-05-04',
        reason: 'signed on Monday, recorded on Friday',
      },
    ]);

    expect(view).toMatchObject({
      contractSignedOn: '2026-05-04',
      policyVersion: '2023',
      version: trajectory.state.version,
      deadlines: [{ state: 'OPEN', dueOn: '2026-07-04' }],
    });
    const [moved] = (await database.queries.timeline(trajectory.trajectoryId)).slice(-1);
    expect(moved).toMatchObject({
      type: 'DeadlineMoved',
      data: { reason: 'CORRECTION', previousDueOn: '2026-07-01' },
    });
  });
});

describe('fine decisions', () => {
  it('records a fine on the violation file', async () => {
    const trajectory = await violationOpened();
    const violationId = `${trajectory.trajectoryId}:violation:1`;
    await trajectory.run(
      {
        type: 'RecordFineDecision',
        violationId,
        decision: 'FINE',
        amountEuro: 250,
        decidedOn: '2026-06-20',
        explanation: 'no answer to two letters',
      },
      'enforcement-officer-1',
      SCENARIO_NOW + 10 * DAY,
    );

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view?.violations).toEqual([
      expect.objectContaining({
        violationId,
        state: 'DECIDED',
        decision: 'FINE',
        amountEuro: 250,
        decidedOn: '2026-06-20',
        openedAt: new Date(SCENARIO_NOW).toISOString(),
      }),
    ]);
    // The obligation continues: the trajectory stays open and the deadline missed.
    expect(view).toMatchObject({ status: 'OPEN', deadlines: [{ state: 'MISSED' }] });
    const row = await database.dataSource.manager.findOneByOrFail(ViolationRecord, { violationId });
    expect(row.decisionExplanation).toBe('no answer to two letters');
  });

  it('records a decision not to fine, without amount', async () => {
    const trajectory = await violationOpened();
    const violationId = `${trajectory.trajectoryId}:violation:1`;
    await trajectory.run({
      type: 'RecordFineDecision',
      violationId,
      decision: 'NO_FINE',
      decidedOn: '2026-06-15',
    });

    expect((await database.queries.findTrajectory(trajectory.trajectoryId))?.violations).toMatchObject([
      { state: 'DECIDED', decision: 'NO_FINE', amountEuro: null, decidedOn: '2026-06-15' },
    ]);
    const row = await database.dataSource.manager.findOneByOrFail(ViolationRecord, { violationId });
    expect(row.decisionExplanation).toBeNull();
  });

  it('refuses a fine amount that is not positive (database check)', async () => {
    const trajectory = await violationOpened();
    await expect(
      database.dataSource.manager.update(
        ViolationRecord,
        { trajectoryId: trajectory.trajectoryId },
        { amountEuro: 0 },
      ),
    ).rejects.toThrow(/violations_amount_euro_positive/);
  });
});

describe('rebuildReadModels with suspension, transfer, correction and fine decision events', () => {
  it('reproduces the read models row for row', async () => {
    const suspended = await contractSigned({ signedOn: '2026-05-01' });
    await suspended.run({ type: 'SuspendTrajectory', reason: 'ILLNESS', suspendedFrom: '2026-05-20' });
    const resumed = await contractSigned({ signedOn: '2026-05-01', counsellorId: 'counsellor-r1' });
    await resumed.run({ type: 'SuspendTrajectory', reason: 'OTHER', suspendedFrom: '2026-05-20' });
    await resumed.run({ type: 'ResumeTrajectory', resumedOn: '2026-06-10' });
    await resumed.run({
      type: 'TransferTrajectory',
      toAgency: 'IN_GENT',
      transferredOn: '2026-06-11',
      municipality: 'Gent',
      nisCode: '44021',
    });
    const corrected = await contractSigned({ signedOn: '2026-02-10' });
    await corrected.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-03-01',
      vdabClientReference: 'VDAB-R2',
    });
    await corrected.run({
      type: 'CorrectFact',
      fact: 'VDAB_REGISTRATION_DATE',
      correctedDate: '2026-03-02',
      reason: 'per VDAB',
    });
    const fined = await violationOpened({ counsellorId: 'counsellor-r2' });
    await fined.run({
      type: 'RecordFineDecision',
      violationId: `${fined.trajectoryId}:violation:1`,
      decision: 'FINE',
      amountEuro: 100,
      decidedOn: '2026-06-15',
    });
    await fined.run({
      type: 'TransferTrajectory',
      toAgency: 'ATLAS',
      transferredOn: '2026-06-15',
      municipality: 'Antwerpen',
      nisCode: '11002',
      counsellorId: 'c-a',
    });
    const closedWhileSuspended = await contractSigned({ signedOn: '2026-05-01' });
    await closedWhileSuspended.run({
      type: 'SuspendTrajectory',
      reason: 'ILLNESS',
      suspendedFrom: '2026-05-20',
    });
    await closedWhileSuspended.run({ type: 'CloseTrajectory', reason: 'DECEASED', closedOn: '2026-06-01' });
    const trajectoryIds = [suspended, resumed, corrected, fined, closedWhileSuspended].map(
      (t) => t.trajectoryId,
    );
    const before = await readModelRows(database.dataSource, trajectoryIds);

    await rebuildReadModels(database.dataSource, { batchSize: 5 });

    expect(await readModelRows(database.dataSource, trajectoryIds)).toEqual(before);
    expect(before.summaries.map((summary) => summary.status).sort()).toEqual([
      'CLOSED',
      'OPEN',
      'OPEN',
      'OPEN',
      'SUSPENDED',
    ]);
    expect(before.deadlines.map((deadline) => deadline.state).sort()).toEqual([
      'MET',
      'MISSED',
      'OPEN',
      'SUSPENDED',
      'WAIVED',
    ]);
    expect(before.violations).toMatchObject([{ state: 'DECIDED', amountEuro: 100 }]);
  });
});
