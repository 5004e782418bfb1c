import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildWorkload } from '../../bench/trajectory-workload';
import {
  eventRows,
  insertEventRows,
  READ_MODELS,
  rebuildReadModels,
  SUMMED_READ_MODELS,
} from '../../libs/store/src';
import { useBulkLoadedDatabase } from './store-test-database';

/**
 * The rebuild's second writer (RebuildOptions.writers): the key figures' read models and the milestones are written,
 * indexed and summed on a connection of their own. Two writers must write what one writes, and a rebuild that fails
 * must leave every table as it was, on both connections. In a database of its own, loaded in bulk (events only),
 * with a pool of one connection as `npm run rebuild` has: the second writer must not need the pool.
 */

const database = useBulkLoadedDatabase('inburgering_rebuild_writers_test', () =>
  buildWorkload('rebuild-writers', 40, 3).trajectories.flatMap(({ appends }) => appends.flatMap(eventRows)),
);
let dataSource: DataSource;

/** Every table a rebuild writes: the stored states, the read models, the totals their triggers keep, the sums. */
let tables: string[];

beforeAll(() => {
  dataSource = database.dataSource;
  tables = [
    'trajectory_states',
    ...READ_MODELS.flatMap((model) => [
      dataSource.getMetadata(model.entity).tableName,
      ...(model.triggerKeptTotals ?? []),
    ]),
    ...SUMMED_READ_MODELS.flatMap((model) => model.sums.map(({ table }) => table)),
  ];
});

/** Each table's rows, as one digest per table (in a stable order), and how many. */
async function contents(): Promise<Record<string, { rows: number; digest: string }>> {
  const result: Record<string, { rows: number; digest: string }> = {};
  for (const table of tables) {
    const [row] = await dataSource.query<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
         FROM ${table} t`,
    );
    result[table] = row;
  }
  return result;
}

async function connectionsToTheDatabase(): Promise<number> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database()',
  );
  return count;
}

/** The connections once those closed have left pg_stat_activity (a backend exits just after its client closes). */
async function settledConnections(expected: number): Promise<number> {
  let count = await connectionsToTheDatabase();
  for (let tries = 0; count > expected && tries < 50; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await connectionsToTheDatabase();
  }
  return count;
}

describe('rebuildReadModels with a second writer', () => {
  it('writes the same rows as one writer, key figures and sums included', async () => {
    await rebuildReadModels(dataSource, { writers: 1 });
    const written = await contents();
    expect(written.key_figure_contributions.rows).toBeGreaterThan(0);
    expect(written.key_figure_sums_by_counsellor.rows).toBeGreaterThan(0);
    expect(written.trajectory_summaries.rows).toBe(40);

    // Emptied, so that a second writer that left its tables alone would fail this test.
    await dataSource.query('TRUNCATE key_figure_contributions, key_figure_sums_by_counsellor');
    await rebuildReadModels(dataSource, { writers: 2 });

    expect(await contents()).toEqual(written);
  });

  it("fails with the server's error and leaves every table as it was when a row is refused during the load", async () => {
    await rebuildReadModels(dataSource, { writers: 2 });
    const before = await contents();
    const connections = await connectionsToTheDatabase();
    // NOT VALID: the rows there are stay; the state the rebuild writes again for this stream is refused.
    const [{ stream_id: refused }] = await dataSource.query<{ stream_id: string }[]>(
      'SELECT stream_id FROM trajectory_states ORDER BY stream_id LIMIT 1',
    );
    await dataSource.query(
      `ALTER TABLE trajectory_states ADD CONSTRAINT rebuild_test_refused CHECK (stream_id <> '${refused}') NOT VALID`,
    );
    try {
      await expect(rebuildReadModels(dataSource, { writers: 2 })).rejects.toThrow(
        /violates check constraint "rebuild_test_refused"/,
      );
    } finally {
      await dataSource.query('ALTER TABLE trajectory_states DROP CONSTRAINT rebuild_test_refused');
    }

    expect(await contents()).toEqual(before);
    expect(await settledConnections(connections)).toBe(connections);
  });

  it('leaves every table as it was, on both connections, when the rebuild fails', async () => {
    await rebuildReadModels(dataSource, { writers: 2 });
    const before = await contents();
    const connections = await connectionsToTheDatabase();
    // A second open trajectory of an open trajectory's newcomer: the rebuild's first writer fails to build the unique
    // index of one active trajectory per newcomer, once every row is written, while the second builds its own tail.
    const [{ stream_id: streamId }] = await dataSource.query<{ stream_id: string }[]>(
      `SELECT stream_id FROM trajectory_summaries WHERE status <> 'CLOSED' ORDER BY stream_id LIMIT 1`,
    );
    const [opened] = await dataSource.query<
      { type: string; schema_version: number; data: { trajectoryId: string }; occurred_at: Date }[]
    >(`SELECT type, schema_version, data, occurred_at FROM events WHERE stream_id = $1 AND version = 1`, [
      streamId,
    ]);
    const trajectoryId = randomUUID();
    await insertEventRows(dataSource, [
      {
        stream_id: trajectoryId,
        version: 1,
        type: opened.type,
        schema_version: opened.schema_version,
        data: { ...opened.data, trajectoryId },
        metadata: {},
        occurred_at: opened.occurred_at.toISOString(),
      },
    ]);

    await expect(rebuildReadModels(dataSource, { writers: 2 })).rejects.toThrow(
      /trajectory_summaries_one_active_per_newcomer|duplicate key/,
    );

    expect(await contents()).toEqual(before);
    expect(await settledConnections(connections)).toBe(connections);
  });
});
