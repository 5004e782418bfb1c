import {
  createDataSource,
  createThrowawayDatabase,
  migrations,
  runMigrations,
  ThrowawayDatabase,
} from '../../libs/store/src';
import { useStoreTestDatabase } from './store-test-database';

const database = useStoreTestDatabase();

describe('migrations', () => {
  let fresh: ThrowawayDatabase;

  beforeAll(async () => {
    fresh = await createThrowawayDatabase(database.adminUrl, 'inburgering_schema_test');
  });

  afterAll(async () => {
    await fresh?.drop();
  });

  it('apply in order on an empty database, and a second run applies nothing', async () => {
    expect(await runMigrations(fresh.url)).toEqual(migrations.map((migration) => migration.name));
    expect(await runMigrations(fresh.url)).toEqual([]);
  });

  it('serialise concurrent runs (api and worker starting together)', async () => {
    const other = await createThrowawayDatabase(database.adminUrl, 'inburgering_schema_test');
    try {
      const runs = await Promise.all([
        runMigrations(other.url),
        runMigrations(other.url),
        runMigrations(other.url),
      ]);
      expect(runs.flat()).toHaveLength(migrations.length);
    } finally {
      await other.drop();
    }
  });

  it('produce the schema the entities describe (TypeORM sees nothing to synchronise)', async () => {
    const dataSource = await createDataSource(fresh.url).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('type parsing', () => {
  it('returns dates as YYYY-MM-DD, instants as Date and bigints as strings', async () => {
    const [row] = await database.dataSource.query(
      `SELECT DATE '2026-02-28' AS day, TIMESTAMPTZ '2026-02-28T23:30:00+01:00' AS instant, 9007199254740993::bigint AS big`,
    );
    expect(row).toEqual({
      day: '2026-02-28',
      instant: new Date('2026-02-28T22:30:00.000Z'),
      big: '9007199254740993',
    });
  });
});

describe('createThrowawayDatabase', () => {
  it('creates databases with unique names and drops them even while connections are open', async () => {
    const [first, second] = await Promise.all([
      createThrowawayDatabase(database.adminUrl, 'inburgering_drop_test'),
      createThrowawayDatabase(database.adminUrl, 'inburgering_drop_test'),
    ]);
    expect(first.name).not.toBe(second.name);
    expect(first.name).toMatch(/^inburgering_drop_test_/);
    const lingering = await createDataSource(first.url).initialize();

    await Promise.all([first.drop(), second.drop()]);
    await first.drop();

    const [{ count }] = await database.dataSource.query(
      `SELECT count(*)::int AS count FROM pg_database WHERE datname IN ($1, $2)`,
      [first.name, second.name],
    );
    expect(count).toBe(0);
    await lingering.destroy().catch(() => undefined);
  });
});
