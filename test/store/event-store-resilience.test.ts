import { randomUUID } from 'node:crypto';
import { calendarDate, IntakeRecorded, trajectoryEvent, TrajectoryOpened } from '../../libs/domain/src';
import { StreamVersionConflictError, UnstorableEventDataError } from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';
import { randomNewcomer } from './trajectory-fixtures';

const database = useStoreTestDatabase();

function opened(trajectoryId: string, givenName?: string): TrajectoryOpened {
  const newcomer = randomNewcomer();
  return trajectoryEvent<TrajectoryOpened>(
    'TrajectoryOpened',
    {
      trajectoryId,
      newcomer: {
        ...newcomer,
        ...(givenName === undefined ? {} : { givenName }),
        nationalNumber: newcomer.nationalNumber as never,
        birthDate: calendarDate(newcomer.birthDate),
      },
      agency: 'ATLAS',
      counsellorId: 'counsellor-7',
      registeredOn: calendarDate('2026-02-20'),
    },
    Date.parse('2026-03-02T08:15:00.000Z'),
  );
}

function intakeAt(occurredAt: string): IntakeRecorded {
  return trajectoryEvent<IntakeRecorded>(
    'IntakeRecorded',
    { intakeOn: calendarDate('2026-03-02') },
    Date.parse(occurredAt),
  );
}

async function openedStream(): Promise<string> {
  const streamId = randomUUID();
  await database.store.append({
    streamId,
    expectedVersion: 0,
    events: [opened(streamId)],
    metadata: { actor: 'worker' },
  });
  return streamId;
}

describe('EventStore.append: a retried workflow task and poison data', () => {
  it.each([
    ['without', undefined],
    ['with', 'key-1'],
  ])(
    'answers the same command decided again at another time (%s idempotency key) with what it stored',
    async (_with, key) => {
      const streamId = await openedStream();
      const idempotencyKey = key === undefined ? undefined : `${key}-${streamId}`;
      const metadata = { actor: 'worker', causationId: `RecordIntake:${randomUUID()}`, idempotencyKey };
      await database.store.append({
        streamId,
        expectedVersion: 1,
        events: [intakeAt('2026-03-02T09:00:00.000Z')],
        metadata,
      });

      const again = await database.store.append({
        streamId,
        expectedVersion: 1,
        events: [intakeAt('2026-03-02T09:00:03.000Z')],
        metadata,
      });

      expect(again).toEqual({ streamId, firstVersion: 2, lastVersion: 2, duplicate: true });
      const stored = await database.store.readStream(streamId);
      expect(stored.map((event) => [event.version, event.occurredAt])).toEqual([
        [1, '2026-03-02T08:15:00.000Z'],
        [2, '2026-03-02T09:00:00.000Z'],
      ]);
    },
  );

  it('still refuses another command at versions already taken', async () => {
    const streamId = await openedStream();
    await database.store.append({
      streamId,
      expectedVersion: 1,
      events: [intakeAt('2026-03-02T09:00:00.000Z')],
      metadata: { actor: 'worker', causationId: 'first' },
    });
    await expect(
      database.store.append({
        streamId,
        expectedVersion: 1,
        events: [intakeAt('2026-03-02T09:00:03.000Z')],
        metadata: { actor: 'worker', causationId: 'second' },
      }),
    ).rejects.toThrow(StreamVersionConflictError);
  });

  it.each([
    ['a NUL character', 'Am\u0000ina'],
    ['a lone surrogate', 'Amina \ud800'],
  ])('refuses %s as unstorable data, naming no value, and writes nothing', async (_what, givenName) => {
    const streamId = randomUUID();
    const append = database.store.append({
      streamId,
      expectedVersion: 0,
      events: [opened(streamId, givenName)],
      metadata: { actor: 'worker' },
    });
    await expect(append).rejects.toThrow(UnstorableEventDataError);
    await expect(append).rejects.toThrow(/SQLSTATE 22/);
    await expect(append).rejects.not.toThrow(/Amina/);
    expect(await database.store.countEvents(streamId)).toBe(0);
  });
});
