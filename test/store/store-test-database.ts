import { DataSource } from 'typeorm';
import {
  createDataSource,
  createThrowawayDatabase,
  EventRow,
  EventStore,
  insertEventRows,
  runMigrations,
  ThrowawayDatabase,
  TypeOrmTrajectoryQueries,
} from '../../libs/store/src';
import { TEST_ENVIRONMENT_MARKER } from '../support/environment';

/** Used when neither the integration global setup nor DATABASE_URL provides a PostgreSQL server. */
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface StoreTestDatabase {
  readonly dataSource: DataSource;
  /** A URL with the rights to create databases (for tests of provisioning and migrations). */
  readonly adminUrl: string;
  /** The event store on `dataSource`. */
  readonly store: EventStore;
  /** The read-model queries on `dataSource`. */
  readonly queries: TypeOrmTrajectoryQueries;
}

/**
 * A migrated database for the test file: the one the integration global setup prepared, or else a throwaway database
 * of its own on DATABASE_URL (taken as an admin URL) or the local server, created in beforeAll and dropped in afterAll.
 * `ownDatabase`: always a throwaway one, for a test that compares or rebuilds whole tables (other test files append
 * to the shared one meanwhile).
 */
export function useStoreTestDatabase(options: { ownDatabase?: boolean } = {}): StoreTestDatabase {
  let dataSource: DataSource | undefined;
  let throwaway: ThrowawayDatabase | undefined;
  let adminUrl = LOCAL_ADMIN_URL;
  let store: EventStore | undefined;
  let queries: TypeOrmTrajectoryQueries | undefined;

  beforeAll(async () => {
    let databaseUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
    if (process.env[TEST_ENVIRONMENT_MARKER] === '1' && databaseUrl && !options.ownDatabase) {
      adminUrl = databaseUrl;
    } else {
      adminUrl = databaseUrl ?? LOCAL_ADMIN_URL;
      throwaway = await createThrowawayDatabase(adminUrl, 'inburgering_store_test');
      databaseUrl = throwaway.url;
      await runMigrations(databaseUrl);
    }
    dataSource = await createDataSource(databaseUrl, {
      poolSize: 12,
      applicationName: 'store-tests',
    }).initialize();
  });

  afterAll(async () => {
    store = undefined;
    queries = undefined;
    await dataSource?.destroy();
    await throwaway?.drop();
  });

  return {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('the store test database is available from beforeAll on');
      return dataSource;
    },
    get adminUrl(): string {
      return adminUrl;
    },
    get store(): EventStore {
      return (store ??= new EventStore(this.dataSource));
    },
    get queries(): TypeOrmTrajectoryQueries {
      return (queries ??= new TypeOrmTrajectoryQueries(this.dataSource));
    },
  };
}

export interface BulkLoadedDatabase {
  readonly url: string;
  /** A pool of one connection, as `npm run rebuild` has. */
  readonly dataSource: DataSource;
}

/**
 * A database of the test file's own, migrated and loaded in bulk with `events()` in beforeAll (the events only: no
 * stored states, no read models, as a rebuild starts from), dropped in afterAll. For the tests of the rebuild, which
 * read or write whole tables.
 */
export function useBulkLoadedDatabase(name: string, events: () => EventRow[]): BulkLoadedDatabase {
  const server = useStoreTestDatabase();
  let throwaway: ThrowawayDatabase | undefined;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    throwaway = await createThrowawayDatabase(server.adminUrl, name);
    await runMigrations(throwaway.url);
    dataSource = await createDataSource(throwaway.url, { poolSize: 1 }).initialize();
    await insertEventRows(dataSource, events());
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await throwaway?.drop();
  });

  return {
    get url(): string {
      if (!throwaway) throw new Error('the bulk-loaded database is available from beforeAll on');
      return throwaway.url;
    },
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('the bulk-loaded database is available from beforeAll on');
      return dataSource;
    },
  };
}
