import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import {
  calendarDate,
  IntakeRecorded,
  trajectoryEvent,
  TrajectoryOpened,
  VdabRegistrationRecorded,
} from '../../libs/domain/src';
import {
  AppendRequest,
  IdempotencyKeyConflictError,
  StreamVersionConflictError,
  TrajectorySummaryRecord,
} from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { randomNewcomer } from './trajectory-fixtures';

const database = useStoreTestDatabase();
const OCCURRED_AT = Date.parse('2026-03-02T08:15:00.000Z');

function opened(trajectoryId: string): TrajectoryOpened {
  const newcomer = randomNewcomer();
  return trajectoryEvent<TrajectoryOpened>(
    'TrajectoryOpened',
    {
      trajectoryId,
      newcomer: {
        ...newcomer,
        nationalNumber: newcomer.nationalNumber as never,
        birthDate: calendarDate(newcomer.birthDate),
      },
      agency: 'ATLAS',
      counsellorId: 'counsellor-7',
      registeredOn: calendarDate('2026-02-20'),
    },
    OCCURRED_AT,
  );
}

function intake(on = '2026-03-02'): IntakeRecorded {
  return trajectoryEvent<IntakeRecorded>('IntakeRecorded', { intakeOn: calendarDate(on) }, OCCURRED_AT);
}

function vdabRegistration(reference: string): VdabRegistrationRecorded {
  return trajectoryEvent<VdabRegistrationRecorded>(
    'VdabRegistrationRecorded',
    { registeredOn: calendarDate('2026-03-01'), vdabClientReference: reference },
    OCCURRED_AT,
  );
}

/** A stream with its TrajectoryOpened stored (version 1), as every stream starts. */
async function openedStream(): Promise<string> {
  const streamId = randomUUID();
  await database.store.append({
    streamId,
    expectedVersion: 0,
    events: [opened(streamId)],
    metadata: { actor: 'caseworker-1' },
  });
  return streamId;
}

function summaryOf(streamId: string): Promise<TrajectorySummaryRecord | null> {
  return database.dataSource.manager.findOneBy(TrajectorySummaryRecord, { streamId });
}

describe('EventStore.append and readStream', () => {
  it('stores events at consecutive versions and reads them back in version order', async () => {
    const streamId = randomUUID();
    const first = await database.store.append({
      streamId,
      expectedVersion: 0,
      events: [opened(streamId)],
      metadata: {
        actor: 'caseworker-1',
        idempotencyKey: 'open-1',
        correlationId: 'request-1',
        commandType: 'OpenTrajectory',
      },
    });
    const second = await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake(), vdabRegistration('VDAB-1')],
      metadata: { actor: 'caseworker-2', idempotencyKey: 'intake-1' },
    });

    expect(first).toEqual({ streamId, firstVersion: 1, lastVersion: 1, duplicate: false });
    expect(second).toEqual({ streamId, firstVersion: 2, lastVersion: 3, duplicate: false });
    const events = await database.store.readStream(streamId);
    expect(events.map((event) => [event.version, event.type])).toEqual([
      [1, 'TrajectoryOpened'],
      [2, 'IntakeRecorded'],
      [3, 'VdabRegistrationRecorded'],
    ]);
    expect(BigInt(events[0].position)).toBeLessThan(BigInt(events[1].position));
    expect(BigInt(events[1].position)).toBeLessThan(BigInt(events[2].position));
    expect(events[1]).toMatchObject({
      streamId,
      schemaVersion: 1,
      data: { intakeOn: '2026-03-02' },
      occurredAt: '2026-03-02T08:15:00.000Z',
      metadata: { actor: 'caseworker-2', idempotencyKey: 'intake-1' },
    });
    expect(events[0].metadata).toEqual({
      actor: 'caseworker-1',
      idempotencyKey: 'open-1',
      correlationId: 'request-1',
      commandType: 'OpenTrajectory',
    });
    expect(Number.isNaN(Date.parse(events[0].recordedAt))).toBe(false);
    expect((await database.store.readStream(streamId, 3)).map((event) => event.version)).toEqual([3]);
    expect(await database.store.streamVersion(streamId)).toBe(3);
    expect(await database.store.countEvents(streamId)).toBe(3);
    expect(await database.store.streamVersion(randomUUID())).toBe(0);
  });

  it('reads all events in position order from a position, at most `limit`', async () => {
    const streamId = await openedStream();
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake()],
      metadata: { actor: 'caseworker-1' },
    });
    const [openedEvent] = await database.store.readStream(streamId);

    const page = await database.store.readAll(openedEvent.position, 50);
    expect(page[0]).toEqual(openedEvent);
    const positions = page.map((event) => BigInt(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(page.filter((event) => event.streamId === streamId).map((event) => event.version)).toEqual([1, 2]);
    expect(await database.store.readAll(openedEvent.position, 1)).toHaveLength(1);
  });

  it('refuses a malformed request before touching the database', async () => {
    await expect(
      database.store.append({
        streamId: randomUUID(),
        expectedVersion: 0,
        events: [],
        metadata: { actor: 'a' },
      }),
    ).rejects.toThrow(RangeError);
    await expect(
      database.store.append({
        streamId: randomUUID(),
        expectedVersion: -1,
        events: [intake()],
        metadata: { actor: 'a' },
      }),
    ).rejects.toThrow(/expectedVersion/);
  });

  it('writes nothing when a projection fails: events and read models commit together', async () => {
    const streamId = randomUUID();
    // IntakeRecorded on a stream without TrajectoryOpened cannot be projected.
    await expect(
      database.store.append({
        streamId,
        expectedVersion: 0,
        events: [intake()],
        metadata: { actor: 'caseworker-1' },
      }),
    ).rejects.toThrow(/cannot project IntakeRecorded .*before TrajectoryOpened/);
    expect(await database.store.countEvents(streamId)).toBe(0);
  });
});

describe('EventStore.append retries and conflicts', () => {
  it('treats an identical retry as a no-op: one copy, duplicate true, read models untouched', async () => {
    const streamId = await openedStream();
    const request: AppendRequest = {
      streamId,
      expectedVersion: 1,
      events: [intake(), vdabRegistration('VDAB-42')],
      metadata: { actor: 'worker', idempotencyKey: randomUUID() },
    };
    await database.store.append(request);
    const summaryBefore = await summaryOf(streamId);
    const total = await database.store.countEvents();

    const retry = await database.store.append(structuredClone(request));

    expect(retry).toEqual({ streamId, firstVersion: 2, lastVersion: 3, duplicate: true });
    expect(await database.store.countEvents(streamId)).toBe(3);
    expect(await database.store.countEvents()).toBeGreaterThanOrEqual(total);
    expect(await summaryOf(streamId)).toEqual(summaryBefore);
  });

  it('recognises an identical retry without idempotency key by its versions and content', async () => {
    const streamId = await openedStream();
    const request: AppendRequest = {
      streamId,
      expectedVersion: 1,
      events: [intake()],
      metadata: { actor: 'worker' },
    };
    await database.store.append(request);
    await database.store.append({
      streamId,
      expectedVersion: 2,
      events: [vdabRegistration('VDAB-1')],
      metadata: { actor: 'worker' },
    });

    expect(await database.store.append(request)).toEqual({
      streamId,
      firstVersion: 2,
      lastVersion: 2,
      duplicate: true,
    });
    expect(await database.store.countEvents(streamId)).toBe(3);
  });

  it('answers a retry with a known idempotency key with the original versions, even after the stream moved on', async () => {
    const streamId = await openedStream();
    const idempotencyKey = randomUUID();
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake()],
      metadata: { actor: 'worker', idempotencyKey },
    });
    await database.store.append({
      streamId,
      expectedVersion: 2,
      events: [vdabRegistration('VDAB-1')],
      metadata: { actor: 'worker' },
    });

    const retry = await database.store.append({
      streamId,
      expectedVersion: 3,
      events: [intake()],
      metadata: { actor: 'worker', idempotencyKey },
    });

    expect(retry).toEqual({ streamId, firstVersion: 2, lastVersion: 2, duplicate: true });
    expect(await database.store.countEvents(streamId)).toBe(3);
  });

  it('refuses a reused idempotency key with different events and writes nothing', async () => {
    const streamId = await openedStream();
    const idempotencyKey = `key-${randomUUID()}`;
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake('2026-03-02')],
      metadata: { actor: 'worker', idempotencyKey },
    });
    const summaryBefore = await summaryOf(streamId);

    const reuse = database.store.append({
      streamId,
      expectedVersion: 2,
      events: [vdabRegistration('VDAB-9')],
      metadata: { actor: 'worker', idempotencyKey },
    });

    await expect(reuse).rejects.toThrow(IdempotencyKeyConflictError);
    await expect(reuse).rejects.toThrow(idempotencyKey);
    expect(await database.store.countEvents(streamId)).toBe(2);
    expect(await database.store.streamVersion(streamId)).toBe(2);
    expect(await summaryOf(streamId)).toEqual(summaryBefore);
  });

  it('refuses different events at versions already taken, naming stream, expected and actual version', async () => {
    const streamId = await openedStream();
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake('2026-03-02')],
      metadata: { actor: 'worker' },
    });

    const stale = database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake('2026-03-03')],
      metadata: { actor: 'other' },
    });

    await expect(stale).rejects.toThrow(StreamVersionConflictError);
    await expect(stale).rejects.toThrow(
      `stream ${streamId}: expected version 1, but the stream is at version 2`,
    );
    await expect(stale).rejects.toMatchObject({ streamId, expectedVersion: 1, actualVersion: 2 });
    expect((await database.store.readStream(streamId))[1].data).toEqual({ intakeOn: '2026-03-02' });
    expect(await database.store.countEvents(streamId)).toBe(2);
  });

  it('treats the same events under another idempotency key as a conflict, not a retry', async () => {
    const streamId = await openedStream();
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intake()],
      metadata: { actor: 'worker', idempotencyKey: 'a' },
    });

    await expect(
      database.store.append({
        streamId,
        expectedVersion: 1,
        events: [intake()],
        metadata: { actor: 'worker', idempotencyKey: 'b' },
      }),
    ).rejects.toThrow(StreamVersionConflictError);
  });

  it('refuses an expected version beyond the end of the stream', async () => {
    const streamId = await openedStream();

    const ahead = database.store.append({
      streamId,
      expectedVersion: 5,
      events: [intake()],
      metadata: { actor: 'worker' },
    });

    await expect(ahead).rejects.toThrow(StreamVersionConflictError);
    await expect(ahead).rejects.toMatchObject({ expectedVersion: 5, actualVersion: 1 });
    expect(await database.store.countEvents(streamId)).toBe(1);
  });
});

describe('EventStore.append under concurrency', () => {
  it('lets exactly one of several concurrent writers at the same version win', async () => {
    const streamId = await openedStream();
    const writers = Array.from({ length: 6 }, (_, index) =>
      database.store.append({
        streamId,
        expectedVersion: 1,
        events: [vdabRegistration(`VDAB-${index}`)],
        metadata: { actor: `worker-${index}` },
      }),
    );

    const outcomes = await Promise.allSettled(writers);

    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    for (const error of lost) expect(error).toBeInstanceOf(StreamVersionConflictError);
    expect(await database.store.countEvents(streamId)).toBe(2);
    expect((await summaryOf(streamId))?.version).toBe(2);
  });

  it('answers concurrent identical retries with one write and duplicates', async () => {
    const streamId = await openedStream();
    const request: AppendRequest = {
      streamId,
      expectedVersion: 1,
      events: [intake()],
      metadata: { actor: 'worker', idempotencyKey: randomUUID() },
    };

    const results = await Promise.all(
      Array.from({ length: 6 }, () => database.store.append(structuredClone(request))),
    );

    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(results.every((result) => result.firstVersion === 2 && result.lastVersion === 2)).toBe(true);
    expect(await database.store.countEvents(streamId)).toBe(2);
  });

  describe('when another writer commits between the check and the insert', () => {
    /** Inserts an event in an open transaction, lets `append` block on it, then commits it. */
    async function raceWith(
      streamId: string,
      rival: { data: object; idempotencyKey?: string },
      append: () => Promise<unknown>,
    ) {
      const rivalWriter = database.dataSource.createQueryRunner();
      await rivalWriter.connect();
      await rivalWriter.startTransaction();
      try {
        await rivalWriter.query(
          `INSERT INTO events (stream_id, version, type, schema_version, data, metadata, occurred_at)
           VALUES ($1, 2, 'IntakeRecorded', 1, $2, $3, $4)`,
          [
            streamId,
            rival.data,
            { actor: 'rival', idempotencyKey: rival.idempotencyKey },
            new Date(OCCURRED_AT),
          ],
        );
        const [{ pid }] = await rivalWriter.query('SELECT pg_backend_pid() AS pid');
        const outcome = append().then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        await waitUntilBlockedBy(pid);
        await rivalWriter.commitTransaction();
        return await outcome;
      } finally {
        if (rivalWriter.isTransactionActive) await rivalWriter.rollbackTransaction();
        await rivalWriter.release();
      }
    }

    async function waitUntilBlockedBy(rivalPid: number): Promise<void> {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const [{ waiting }] = await database.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
          [rivalPid],
        );
        if (waiting > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('the append never waited for the rival transaction');
    }

    it('reports the conflict with the unique violation as its cause', async () => {
      const streamId = await openedStream();

      const outcome = await raceWith(streamId, { data: { intakeOn: '2026-03-09' } }, () =>
        database.store.append({
          streamId,
          expectedVersion: 1,
          events: [intake('2026-03-02')],
          metadata: { actor: 'worker' },
        }),
      );

      expect('error' in outcome && outcome.error).toBeInstanceOf(StreamVersionConflictError);
      const error = (outcome as { error: StreamVersionConflictError }).error;
      expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      expect(error.cause).toBeInstanceOf(QueryFailedError);
      expect((error.cause as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe(
        '23505',
      );
      expect(await database.store.countEvents(streamId)).toBe(2);
    });

    it('answers duplicate when the rival wrote the very same events (a concurrently retried activity)', async () => {
      const streamId = await openedStream();
      const idempotencyKey = randomUUID();

      const outcome = await raceWith(streamId, { data: { intakeOn: '2026-03-02' }, idempotencyKey }, () =>
        database.store.append({
          streamId,
          expectedVersion: 1,
          events: [intake('2026-03-02')],
          metadata: { actor: 'worker', idempotencyKey },
        }),
      );

      expect(outcome).toEqual({ value: { streamId, firstVersion: 2, lastVersion: 2, duplicate: true } });
      expect(await database.store.countEvents(streamId)).toBe(2);
    });
  });
});

describe('the events table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE: the record is append-only', async () => {
    const streamId = await openedStream();
    const [event] = await database.store.readStream(streamId);

    await expect(
      database.dataSource.query(`UPDATE events SET data = '{}' WHERE position = $1`, [event.position]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(
      database.dataSource.query(`DELETE FROM events WHERE position = $1`, [event.position]),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(database.dataSource.query(`TRUNCATE events`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await database.store.readStream(streamId)).toEqual([event]);
  });
});
