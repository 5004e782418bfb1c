import { randomUUID } from 'node:crypto';
import { decide, fold, OpenTrajectory, RecordIntake, TrajectoryEvent } from '../../libs/domain/src';
import {
  AppendManyResult,
  AppendRequest,
  appendManyWithin,
  DeadlineRecord,
  StreamVersionConflictError,
  TrajectoryStateRecord,
  TrajectorySummaryRecord,
} from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { randomNewcomer, SCENARIO_NOW } from './trajectory-fixtures';

const database = useStoreTestDatabase();

type Newcomer = ReturnType<typeof randomNewcomer>;

function openEvents(trajectoryId: string, newcomer: Newcomer = randomNewcomer()): TrajectoryEvent[] {
  const command: OpenTrajectory = {
    type: 'OpenTrajectory',
    trajectoryId,
    newcomer,
    agency: 'AGII',
    registeredOn: '2026-01-05',
  };
  const decision = decide(undefined, command, { now: SCENARIO_NOW });
  if (!decision.accepted) throw new Error(decision.rejection.message);
  return decision.events;
}

function opening(newcomer: Newcomer = randomNewcomer(), streamId = randomUUID()): AppendRequest {
  return {
    streamId,
    expectedVersion: 0,
    events: openEvents(streamId, newcomer),
    metadata: { actor: 'operator-1', idempotencyKey: `open:${streamId}`, causationId: `open:${streamId}` },
  };
}

/** The intake of a trajectory opened by `open`, at the version it left. */
function intakeAfter(open: AppendRequest, idempotencyKey = `intake:${open.streamId}`): AppendRequest {
  const command: RecordIntake = { type: 'RecordIntake', intakeOn: '2026-01-20' };
  const decision = decide(fold(open.events), command, { now: SCENARIO_NOW });
  if (!decision.accepted) throw new Error(decision.rejection.message);
  return {
    streamId: open.streamId,
    expectedVersion: open.events.length,
    events: decision.events,
    metadata: { actor: 'caseworker-1', idempotencyKey },
  };
}

async function summaryOf(streamId: string) {
  return database.dataSource.manager.findOneBy(TrajectorySummaryRecord, { streamId });
}

describe('EventStore.appendMany', () => {
  it('appends many streams with their states and read models, as single appends would', async () => {
    const requests = [opening(), opening(), opening()];
    const results = await database.store.appendMany(requests);

    expect(results.map((result) => result.status)).toEqual(['appended', 'appended', 'appended']);
    const single = opening();
    await database.store.append(single);
    for (const request of [...requests, single]) {
      const events = await database.store.readStream(request.streamId);
      expect(events.map((event) => event.type)).toEqual(request.events.map((event) => event.type));
      const state = await database.dataSource.manager.findOneBy(TrajectoryStateRecord, {
        streamId: request.streamId,
      });
      expect(state?.version).toBe(request.events.length);
    }
    // The same read-model rows, whichever path wrote them (ids aside).
    const rowsOf = async (streamId: string) => ({
      summary: { ...(await summaryOf(streamId)), trajectoryId: undefined, streamId: undefined },
      deadlines: (await database.dataSource.manager.findBy(DeadlineRecord, { trajectoryId: streamId })).map(
        (row) => ({ ...row, trajectoryId: undefined }),
      ),
    });
    const bulk = await rowsOf(requests[0].streamId);
    const one = await rowsOf(single.streamId);
    expect({ ...bulk.summary, nationalNumber: 0, birthDate: 0 }).toEqual({
      ...one.summary,
      nationalNumber: 0,
      birthDate: 0,
    });
    expect(bulk.deadlines).toEqual(one.deadlines);
  });

  it('answers a retried batch with duplicates and writes nothing more', async () => {
    const requests = [opening(), opening()];
    await database.store.appendMany(requests);
    // Decided again later (the timestamps differ): recognised by the idempotency key and cause.
    const later = requests.map((request) => ({
      ...request,
      events: request.events.map((event) => ({ ...event, occurredAt: '2026-06-16T10:00:00.000Z' })),
    }));

    const results = await database.store.appendMany(later);

    expect(results).toEqual(
      requests.map((request) => ({
        status: 'duplicate',
        streamId: request.streamId,
        firstVersion: 1,
        lastVersion: request.events.length,
        duplicate: true,
      })),
    );
    expect(await database.store.countEvents(requests[0].streamId)).toBe(requests[0].events.length);
  });

  it('answers each request on its own: conflicts, refusals and malformed requests do not sink the others', async () => {
    const stored = opening();
    await database.store.append(stored);
    const newcomer = randomNewcomer();
    const good = opening();
    const first = opening(newcomer);
    const secondOfSameNewcomer = opening(newcomer);
    const ofStoredNewcomer = opening({ ...randomNewcomer(), nationalNumber: await nationalNumberOf(stored) });
    const behind = { ...opening(), streamId: stored.streamId, metadata: { actor: 'operator-1' } };
    const keyReused = {
      ...intakeAfter(stored),
      metadata: { actor: 'x', idempotencyKey: `open:${stored.streamId}` },
    };
    const malformed = { ...opening(), events: [] };
    const chained = opening();

    const results = await database.store.appendMany([
      good,
      first,
      secondOfSameNewcomer,
      ofStoredNewcomer,
      behind,
      keyReused,
      malformed,
      chained,
      intakeAfter(chained),
    ]);

    expect(results.map(outcomeOf)).toEqual([
      'appended',
      'appended',
      'refused NEWCOMER_HAS_ACTIVE_TRAJECTORY',
      'refused NEWCOMER_HAS_ACTIVE_TRAJECTORY',
      'conflict',
      'refused IDEMPOTENCY_KEY_REUSED',
      'refused INVALID_APPEND',
      'appended',
      'appended',
    ]);
    expect(results[4]).toMatchObject({ expectedVersion: 0, actualVersion: stored.events.length });
    expect(await database.store.streamVersion(secondOfSameNewcomer.streamId)).toBe(0);
    expect(await database.store.streamVersion(ofStoredNewcomer.streamId)).toBe(0);
    expect(await database.store.streamVersion(stored.streamId)).toBe(stored.events.length);
    expect((await summaryOf(chained.streamId))?.phase).toBe('INTAKE_DONE');
    expect((await summaryOf(good.streamId))?.status).toBe('OPEN');
  });

  it('refuses a request whose events PostgreSQL cannot hold, and writes the others', async () => {
    const poisoned = opening({ ...randomNewcomer(), givenName: 'Am\u0000ina' });
    const good = opening();

    const results = await database.store.appendMany([poisoned, good]);

    expect(results.map(outcomeOf)).toEqual(['refused UNSTORABLE_EVENT_DATA', 'appended']);
    expect(results[0]).toMatchObject({ message: expect.stringContaining('SQLSTATE 22') });
    expect(await database.store.streamVersion(poisoned.streamId)).toBe(0);
  });

  it('leaves a version taken by a concurrent append to that writer, and writes the rest of the batch', async () => {
    const stored = opening();
    await database.store.append(stored);
    const other = opening();
    const release = gate();
    // A writer (the workflow) holds the stream's next version in an open transaction while the batch runs.
    const concurrent = database.dataSource.transaction(async (manager) => {
      const [result] = await appendManyWithin(manager, [intakeAfter(stored, 'workflow-intake')]);
      expect(result.status).toBe('appended');
      await release.wait;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const batch = database.store.appendMany([intakeAfter(stored, 'bulk-intake'), other]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release.open();
    await concurrent;

    const results = await batch;

    expect(results.map(outcomeOf)).toEqual(['conflict', 'appended']);
    const events = await database.store.readStream(stored.streamId);
    expect(events.at(-1)?.metadata.idempotencyKey).toBe('workflow-intake');
    expect((await summaryOf(stored.streamId))?.version).toBe(events.length);
  });

  it('refuses a newcomer that a concurrent opening committed meanwhile, and writes the rest', async () => {
    const newcomer = randomNewcomer();
    const release = gate();
    const concurrent = database.dataSource.transaction(async (manager) => {
      await appendManyWithin(manager, [opening(newcomer)]);
      await release.wait;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const batch = database.store.appendMany([opening(newcomer), opening()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release.open();
    await concurrent;

    expect((await batch).map(outcomeOf)).toEqual(['refused NEWCOMER_HAS_ACTIVE_TRAJECTORY', 'appended']);
  });

  it('opens each newcomer once when two concurrent batches open the same newcomers in opposite orders', async () => {
    const newcomers = Array.from({ length: 150 }, () => randomNewcomer());
    const first = newcomers.map((newcomer) => opening(newcomer));
    const second = [...newcomers].reverse().map((newcomer) => opening(newcomer));

    const [one, other] = await Promise.all([
      database.store.appendMany(first),
      database.store.appendMany(second),
    ]);

    const opened = new Map<string, number>();
    [
      ...one.map((result, index) => [result, newcomers[index]] as const),
      ...other.map((result, index) => [result, newcomers[newcomers.length - 1 - index]] as const),
    ].forEach(([result, newcomer]) => {
      expect(outcomeOf(result)).toMatch(/^(appended|refused NEWCOMER_HAS_ACTIVE_TRAJECTORY)$/);
      if (result.status === 'appended')
        opened.set(newcomer.nationalNumber, (opened.get(newcomer.nationalNumber) ?? 0) + 1);
    });
    expect(newcomers.map((newcomer) => opened.get(newcomer.nationalNumber))).toEqual(newcomers.map(() => 1));
  });

  it('races single appends against batches on the same streams: each version is written once', async () => {
    const opened = Array.from({ length: 12 }, () => opening());
    await database.store.appendMany(opened);

    const [batch, ...singles] = await Promise.all([
      database.store.appendMany(opened.map((open) => intakeAfter(open, `bulk:${open.streamId}`))),
      ...opened.map((open) =>
        database.store.append(intakeAfter(open, `single:${open.streamId}`)).then(
          () => 'appended',
          (error: unknown) =>
            error instanceof StreamVersionConflictError ? 'conflict' : Promise.reject(error),
        ),
      ),
    ]);

    for (const [index, open] of opened.entries()) {
      expect([batch[index].status, singles[index]].sort()).toEqual(['appended', 'conflict']);
      const events = await database.store.readStream(open.streamId);
      expect(events).toHaveLength(open.events.length + 1);
      const winner = batch[index].status === 'appended' ? 'bulk' : 'single';
      expect(events.at(-1)?.metadata.idempotencyKey).toBe(`${winner}:${open.streamId}`);
      expect((await summaryOf(open.streamId))?.version).toBe(events.length);
    }
  });

  it('takes the states the caller read (knownStates) only while their stream is still at that version', async () => {
    const [kept, moved] = [opening(), opening()];
    await database.store.appendMany([kept, moved]);
    const stored = await database.dataSource.manager.findBy(TrajectoryStateRecord, [
      { streamId: kept.streamId },
      { streamId: moved.streamId },
    ]);
    const knownStates = new Map(stored.map((row) => [row.streamId, row.state]));
    // Another writer (the workflow) moves one stream after the caller read it.
    await database.store.append(intakeAfter(moved, 'workflow-intake'));

    const results = await database.store.appendMany(
      [intakeAfter(kept, 'bulk-intake'), intakeAfter(moved, 'bulk-intake')],
      undefined,
      { knownStates },
    );

    expect(results.map((result) => result.status)).toEqual(['appended', 'conflict']);
    expect(await summaryOf(kept.streamId)).toMatchObject({ intakeOn: '2026-01-20', version: 2 });
    const state = await database.dataSource.manager.findOneBy(TrajectoryStateRecord, {
      streamId: kept.streamId,
    });
    expect(state?.state).toEqual(fold(intakeAfter(kept).events, fold(kept.events)));
  });
});

function outcomeOf(result: AppendManyResult): string {
  return result.status === 'refused' ? `refused ${result.reason}` : result.status;
}

async function nationalNumberOf(request: AppendRequest): Promise<string> {
  return (await summaryOf(request.streamId))!.nationalNumber;
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
