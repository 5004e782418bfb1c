import { randomUUID } from 'node:crypto';
import { Agency } from '../../libs/domain/src';
import {
  DeadlineRecord,
  NEWCOMER_MUST_REGISTER,
  OutboxMessageRecord,
  ProjectionCheckpointRecord,
  READ_MODELS_CHECKPOINT,
  READ_MODELS,
  rebuildReadModels,
  TrajectorySummaryRecord,
  TypeOrmTrajectoryQueries,
  VDAB,
} from '../../libs/store/src';
import { readModelRows } from './read-model-assertions';
import { useStoreTestDatabase } from './store-test-database';
import { SCENARIO_NOW, trajectoryScenarios } from './trajectory-fixtures';

// Its own database: the outbox rows it compares before and after a rebuild are claimed by the relays of other test
// files' workers on the shared one.
const database = useStoreTestDatabase({ ownDatabase: true });
const { scenario, opened, contractSigned } = trajectoryScenarios(database);

/** The trajectory's messages for VDAB (a signed contract also tells the municipality: partner-messages.spec.ts). */
function outboxOf(streamId: string): Promise<OutboxMessageRecord[]> {
  return database.dataSource.manager.find(OutboxMessageRecord, {
    where: { streamId, destination: VDAB },
    order: { eventVersion: 'ASC' },
  });
}

describe('trajectory summary projection', () => {
  it('creates the summary on TrajectoryOpened', async () => {
    const trajectory = await opened({
      agency: 'IN_GENT',
      counsellorId: 'counsellor-3',
      municipality: 'Gent',
      registeredOn: '2026-01-05',
    });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toEqual({
      trajectoryId: trajectory.trajectoryId,
      nationalNumber: trajectory.newcomer.nationalNumber,
      givenName: 'Amina',
      familyName: 'El Idrissi',
      birthDate: trajectory.newcomer.birthDate,
      municipality: 'Gent',
      agency: 'IN_GENT',
      counsellorId: 'counsellor-3',
      status: 'OPEN',
      phase: 'REGISTERED',
      registeredOn: '2026-01-05',
      intakeOn: null,
      contractSignedOn: null,
      policyVersion: null,
      vdabRegisteredOn: null,
      vdabClientReference: null,
      closedOn: null,
      closureReason: null,
      suspensionReason: null,
      suspendedFrom: null,
      version: 1,
      updatedAt: new Date(SCENARIO_NOW).toISOString(),
      deadlines: [],
      violations: [],
      targetGroup: null,
      intakeProfile: null,
      pillars: [],
      attest: null,
    });
  });

  it('records intake, contract with its policy version and VDAB registration, following the stream version', async () => {
    const trajectory = await opened({ registeredOn: '2026-01-05' });
    await trajectory.run({ type: 'RecordIntake', intakeOn: '2026-01-20' });
    expect(await database.queries.findTrajectory(trajectory.trajectoryId)).toMatchObject({
      phase: 'INTAKE_DONE',
      intakeOn: '2026-01-20',
      version: 2,
    });

    await trajectory.run({ type: 'RecordContract', signedOn: '2026-02-10' });
    expect(await database.queries.findTrajectory(trajectory.trajectoryId)).toMatchObject({
      phase: 'CONTRACT_SIGNED',
      contractSignedOn: '2026-02-10',
      policyVersion: '2023',
      version: trajectory.state.version, // ContractSigned, PillarsDetermined and DeadlineSet
    });
    expect(trajectory.state.version).toBe(5);

    await trajectory.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-03-01',
      vdabClientReference: 'VDAB-778',
    });
    expect(await database.queries.findTrajectory(trajectory.trajectoryId)).toMatchObject({
      vdabRegisteredOn: '2026-03-01',
      vdabClientReference: 'VDAB-778',
      version: trajectory.state.version, // VdabRegistrationRecorded, DeadlineMet and the WORK pillar completed
    });
    expect(trajectory.state.version).toBe(8);
  });

  it('closes the trajectory and waives its open deadlines', async () => {
    const trajectory = await contractSigned();
    await trajectory.run({
      type: 'CloseTrajectory',
      reason: 'MOVED_OUT_OF_FLANDERS',
      closedOn: '2026-03-01',
      explanation: 'Moved to Brussels',
    });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({
      status: 'CLOSED',
      closedOn: '2026-03-01',
      closureReason: 'MOVED_OUT_OF_FLANDERS',
      version: trajectory.state.version,
    });
    expect(view?.deadlines.map((deadline) => deadline.state)).toEqual(['WAIVED']);
    const row = await database.dataSource.manager.findOneByOrFail(TrajectorySummaryRecord, {
      trajectoryId: trajectory.trajectoryId,
    });
    expect(row.closureExplanation).toBe('Moved to Brussels');
  });

  it('finds the open trajectory of a national number, written with or without separators, and not once closed', async () => {
    const trajectory = await opened();
    const digits = trajectory.newcomer.nationalNumber;
    const formatted = `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;

    expect((await database.queries.findOpenTrajectoryByNationalNumber(digits))?.trajectoryId).toBe(
      trajectory.trajectoryId,
    );
    expect((await database.queries.findOpenTrajectoryByNationalNumber(formatted))?.trajectoryId).toBe(
      trajectory.trajectoryId,
    );

    await trajectory.run({ type: 'CloseTrajectory', reason: 'DECEASED', closedOn: '2026-02-01' });
    expect(await database.queries.findOpenTrajectoryByNationalNumber(digits)).toBeNull();
    expect(await database.queries.findTrajectory(randomUUID())).toBeNull();
  });
});

describe('deadline, violation and outbox projections', () => {
  it('sets the VDAB deadline on contract signing with the trajectory’s agency, counsellor and municipality', async () => {
    const counsellorId = `counsellor-${randomUUID()}`;
    const trajectory = await contractSigned({
      agency: 'ATLAS',
      counsellorId,
      municipality: 'Antwerpen',
      signedOn: '2025-12-31',
    });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view?.deadlines).toEqual([
      {
        deadlineId: `${trajectory.trajectoryId}:VDAB_REGISTRATION`,
        trajectoryId: trajectory.trajectoryId,
        kind: 'VDAB_REGISTRATION',
        dueOn: '2026-02-28', // 31 December + 2 months
        state: 'OPEN',
        metOn: null,
        policyVersion: '2023',
        source: expect.stringContaining('BBT 2020-2021'),
        agency: 'ATLAS',
        counsellorId,
        municipality: 'Antwerpen',
      },
    ]);
    const row = await database.dataSource.manager.findOneByOrFail(DeadlineRecord, {
      trajectoryId: trajectory.trajectoryId,
    });
    expect(row).toMatchObject({ anchor: 'CONTRACT_SIGNED', anchorOn: '2025-12-31' });
  });

  it('enqueues "newcomer must register" for VDAB with the trajectory, national number and due date', async () => {
    const trajectory = await contractSigned({ signedOn: '2026-02-10' });

    const messages = await outboxOf(trajectory.streamId);

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      destination: VDAB,
      type: NEWCOMER_MUST_REGISTER,
      payload: {
        trajectoryId: trajectory.trajectoryId,
        nationalNumber: trajectory.newcomer.nationalNumber,
        dueOn: '2026-04-10',
        deadlineId: `${trajectory.trajectoryId}:VDAB_REGISTRATION`,
        policyVersion: '2023',
      },
      eventVersion: (await database.store.readStream(trajectory.streamId)).find(
        (event) => event.type === 'DeadlineSet',
      )?.version,
      sentAt: null,
    });
  });

  it('marks the deadline met when the newcomer registers with VDAB in time', async () => {
    const trajectory = await contractSigned({ signedOn: '2026-02-10' });
    await trajectory.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-04-10',
      vdabClientReference: 'VDAB-1',
    });

    const [deadline] = (await database.queries.findTrajectory(trajectory.trajectoryId))!.deadlines;

    expect(deadline).toMatchObject({ state: 'MET', metOn: '2026-04-10', dueOn: '2026-04-10' });
  });

  it('sends nothing to VDAB when the registration was recorded before the contract', async () => {
    const trajectory = await opened({ registeredOn: '2026-01-05' });
    await trajectory.run({ type: 'RecordIntake', intakeOn: '2026-01-20' });
    await trajectory.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-01-25',
      vdabClientReference: 'VDAB-2',
    });
    await trajectory.run({ type: 'RecordContract', signedOn: '2026-02-10' });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view?.deadlines).toMatchObject([{ state: 'MET', metOn: '2026-01-25' }]);
    expect(await outboxOf(trajectory.streamId)).toEqual([]);
  });

  it('sets no deadline and sends nothing under a policy without VDAB obligation (2016)', async () => {
    const trajectory = await opened({ registeredOn: '2016-03-01' });
    await trajectory.run({ type: 'RecordIntake', intakeOn: '2016-03-10' });
    await trajectory.run({ type: 'RecordContract', signedOn: '2016-04-01' });

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view).toMatchObject({ policyVersion: '2016', deadlines: [], version: trajectory.state.version });
    expect(await outboxOf(trajectory.streamId)).toEqual([]);
  });

  it('marks a missed deadline and opens a violation file', async () => {
    const trajectory = await contractSigned({ signedOn: '2026-02-10' });
    await trajectory.expireDeadlines(SCENARIO_NOW);

    const view = await database.queries.findTrajectory(trajectory.trajectoryId);

    expect(view?.deadlines).toMatchObject([{ state: 'MISSED', metOn: null }]);
    expect(view?.violations).toEqual([
      {
        violationId: `${trajectory.trajectoryId}:violation:1`,
        trajectoryId: trajectory.trajectoryId,
        kind: 'VDAB_REGISTRATION_DEADLINE_MISSED',
        deadlineId: `${trajectory.trajectoryId}:VDAB_REGISTRATION`,
        facts: expect.stringContaining('No VDAB registration recorded by 2026-04-10'),
        state: 'OPEN',
        openedAt: new Date(SCENARIO_NOW).toISOString(),
        decision: null,
        amountEuro: null,
        decidedOn: null,
      },
    ]);
    expect(view?.version).toBe(trajectory.state.version);

    // Closing waives only open deadlines: the missed one stays missed.
    await trajectory.run({ type: 'CloseTrajectory', reason: 'CONTRACT_TERMINATED', closedOn: '2026-06-01' });
    expect((await database.queries.findTrajectory(trajectory.trajectoryId))?.deadlines).toMatchObject([
      { state: 'MISSED' },
    ]);
  });
});

describe('timeline', () => {
  it('lists the trajectory’s events in version order with who caused each', async () => {
    const trajectory = scenario({ registeredOn: '2026-01-05' });
    await trajectory.open('caseworker-anna');
    await trajectory.run({ type: 'RecordIntake', intakeOn: '2026-01-20' }, 'caseworker-bert');
    await trajectory.run({ type: 'RecordContract', signedOn: '2026-02-10' }, 'counsellor-chloe');

    const timeline = await database.queries.timeline(trajectory.trajectoryId);

    expect(timeline.map(({ version, type, actor }) => ({ version, type, actor }))).toEqual([
      { version: 1, type: 'TrajectoryOpened', actor: 'caseworker-anna' },
      { version: 2, type: 'IntakeRecorded', actor: 'caseworker-bert' },
      { version: 3, type: 'ContractSigned', actor: 'counsellor-chloe' },
      { version: 4, type: 'PillarsDetermined', actor: 'counsellor-chloe' },
      { version: 5, type: 'DeadlineSet', actor: 'counsellor-chloe' },
    ]);
    expect(timeline[2]).toMatchObject({
      occurredAt: new Date(SCENARIO_NOW).toISOString(),
      data: { signedOn: '2026-02-10', policyVersion: '2023' },
      metadata: { actor: 'counsellor-chloe', commandType: 'RecordContract' },
    });
    expect(await database.queries.timeline(randomUUID())).toEqual([]);
  });
});

describe('deadline list', () => {
  // A municipality of its own keeps other tests' deadlines out of these lists.
  const municipality = `Testgemeente-${randomUUID()}`;
  const counsellor1 = `counsellor-1-${randomUUID()}`;
  const counsellor2 = `counsellor-2-${randomUUID()}`;
  let byName: Record<'early' | 'met' | 'tiedA' | 'tiedB' | 'late', string>;

  beforeAll(async () => {
    const signed = (agency: Agency, counsellorId: string, signedOn: string) =>
      contractSigned({ municipality, agency, counsellorId, signedOn });
    const early = await signed('IN_GENT', counsellor2, '2025-12-31'); // due 2026-02-28
    const met = await signed('AGII', counsellor1, '2026-01-15'); // due 2026-03-15
    await met.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-02-01',
      vdabClientReference: 'VDAB-3',
    });
    const tied1 = await signed('AGII', counsellor1, '2026-02-10'); // due 2026-04-10
    const tied2 = await signed('AGII', counsellor2, '2026-02-10'); // due 2026-04-10
    const late = await signed('ATLAS', counsellor2, '2026-03-31'); // due 2026-05-31
    const [tiedA, tiedB] = [tied1, tied2].map((t) => t.trajectoryId).sort();
    byName = { early: early.trajectoryId, met: met.trajectoryId, tiedA, tiedB, late: late.trajectoryId };
  });

  async function listed(
    filter: Parameters<TypeOrmTrajectoryQueries['listDeadlines']>[0],
  ): Promise<{ names: string[]; total: number }> {
    const { items, total } = await database.queries.listDeadlines({ municipality, ...filter });
    const nameOf = Object.fromEntries(Object.entries(byName).map(([name, id]) => [id, name]));
    return { names: items.map((item) => nameOf[item.trajectoryId]), total };
  }

  it('orders by due date, then deadline id', async () => {
    expect(await listed({})).toEqual({ names: ['early', 'met', 'tiedA', 'tiedB', 'late'], total: 5 });
  });

  it('filters by state', async () => {
    expect(await listed({ state: 'OPEN' })).toEqual({ names: ['early', 'tiedA', 'tiedB', 'late'], total: 4 });
    expect(await listed({ state: 'MET' })).toEqual({ names: ['met'], total: 1 });
    expect(await listed({ state: 'MISSED' })).toEqual({ names: [], total: 0 });
  });

  it('filters by an inclusive due-date range', async () => {
    expect(await listed({ dueFrom: '2026-03-15', dueTo: '2026-04-10' })).toEqual({
      names: ['met', 'tiedA', 'tiedB'],
      total: 3,
    });
    expect(await listed({ dueTo: '2026-02-28' })).toEqual({ names: ['early'], total: 1 });
    expect(await listed({ dueFrom: '2026-04-11' })).toEqual({ names: ['late'], total: 1 });
  });

  it('filters by agency, counsellor and kind, combined with state', async () => {
    expect(await listed({ agency: 'AGII' })).toEqual({ names: ['met', 'tiedA', 'tiedB'], total: 3 });
    expect(await listed({ agency: 'AGII', state: 'OPEN' })).toEqual({ names: ['tiedA', 'tiedB'], total: 2 });
    expect((await listed({ counsellorId: counsellor1 })).total).toBe(2);
    expect(await listed({ kind: 'VDAB_REGISTRATION', agency: 'ATLAS' })).toEqual({
      names: ['late'],
      total: 1,
    });
  });

  it('pages through the list, with the total of the whole list on every page', async () => {
    expect(await listed({ limit: 2, offset: 0 })).toEqual({ names: ['early', 'met'], total: 5 });
    expect(await listed({ limit: 2, offset: 2 })).toEqual({ names: ['tiedA', 'tiedB'], total: 5 });
    expect(await listed({ limit: 2, offset: 4 })).toEqual({ names: ['late'], total: 5 });
    expect(await listed({ limit: 2, offset: 6 })).toEqual({ names: [], total: 5 });
  });

  it('refuses a page size out of range', async () => {
    await expect(database.queries.listDeadlines({ limit: 0 })).rejects.toThrow(RangeError);
    await expect(database.queries.listDeadlines({ limit: 501 })).rejects.toThrow(RangeError);
    await expect(database.queries.listDeadlines({ offset: -1 })).rejects.toThrow(RangeError);
  });
});

describe('rebuildReadModels', () => {
  it('reproduces the read models row for row and sends nothing again', async () => {
    const signed = await contractSigned({ counsellorId: 'counsellor-r' });
    const registered = await contractSigned();
    await registered.run({
      type: 'RecordVdabRegistration',
      registeredOn: '2026-03-01',
      vdabClientReference: 'VDAB-R',
    });
    const missed = await contractSigned();
    await missed.expireDeadlines(SCENARIO_NOW);
    const closed = await contractSigned();
    await closed.run({
      type: 'CloseTrajectory',
      reason: 'CONTRACT_TERMINATED',
      closedOn: '2026-03-01',
      explanation: 'on request',
    });
    const trajectoryIds = [signed, registered, missed, closed].map((t) => t.trajectoryId);
    const before = await readModelRows(database.dataSource, trajectoryIds);
    const lastPosition = (await database.store.readStream(closed.streamId)).at(-1)!.position;

    const result = await rebuildReadModels(database.dataSource, { batchSize: 7 });

    expect(await readModelRows(database.dataSource, trajectoryIds)).toEqual(before);
    expect(before.summaries).toHaveLength(4);
    expect(before.deadlines).toHaveLength(4);
    expect(before.violations).toHaveLength(1);
    // Each contract's registration notice, and the closed one's deadline withdrawn.
    expect(
      before.outbox
        .filter((message) => message.destination === VDAB)
        .map((message) => message.type)
        .sort(),
    ).toEqual([...Array(4).fill('NewcomerMustRegister'), 'RegistrationNoLongerDue']);
    expect(BigInt(result.position)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    expect(result.eventsReplayed).toBeGreaterThanOrEqual(4 * 4 + 2 + 2 + 1);
    const checkpoint = await database.dataSource.manager.findOneByOrFail(ProjectionCheckpointRecord, {
      name: READ_MODELS_CHECKPOINT,
    });
    expect(checkpoint.position).toBe(result.position);
  });

  it('empties the totals that each read model declares its triggers keep, and only those', async () => {
    // A rebuild truncates these with the read models (their TRUNCATE triggers would DELETE every row): the tables
    // that each read model's TRUNCATE trigger functions empty must be the ones the read model declares.
    const cleared = await database.dataSource.query<{ table: string; source: string }[]>(
      `SELECT trigger.tgrelid::regclass::text AS table, function.prosrc AS source
         FROM pg_trigger trigger JOIN pg_proc function ON function.oid = trigger.tgfoid
        WHERE NOT trigger.tgisinternal AND trigger.tgtype & 32 <> 0 AND trigger.tgrelid = ANY($1::regclass[])`,
      [READ_MODELS.map((model) => database.dataSource.getMetadata(model.entity).tableName)],
    );
    const emptied = (table: string) =>
      cleared
        .filter((trigger) => trigger.table === table)
        .flatMap(({ source }) =>
          [...source.matchAll(/(?:DELETE FROM|TRUNCATE)\s+(\w+)/gi)].map((match) => match[1]),
        )
        .sort();
    for (const model of READ_MODELS) {
      const table = database.dataSource.getMetadata(model.entity).tableName;
      expect({ table, totals: [...(model.triggerKeptTotals ?? [])].sort() }).toEqual({
        table,
        totals: emptied(table),
      });
    }
  });
});
