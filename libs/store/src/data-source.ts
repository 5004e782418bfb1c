import { DataSource, Logger, LoggerOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { entities } from './entities';
import { migrations } from './migrations';
import { storeTypeParsers } from './postgres/type-parsers';

export { entities } from './entities';
export { migrations } from './migrations';

export interface StoreDataSourceOptions {
  /** Connections in the pool (node-postgres default: 10). */
  poolSize?: number;
  /** Shown in pg_stat_activity, e.g. 'inburgering-api'. */
  applicationName?: string;
  logging?: LoggerOptions;
  /** Where TypeORM's log goes (e.g. ParameterFreeSqlLogger: failed queries without their parameters). */
  logger?: Logger;
}

/**
 * The store's TypeORM data source. The schema is owned by the hand-written migrations, applied explicitly
 * (`runMigrations`, the migrate command, start-up), never by TypeORM synchronisation.
 */
export function createDataSource(databaseUrl: string, options: StoreDataSourceOptions = {}): DataSource {
  return new DataSource(storeDataSourceOptions(databaseUrl, options));
}

/** The same options, for NestJS's `TypeOrmModule.forRootAsync({ useFactory })`. */
export function storeDataSourceOptions(
  databaseUrl: string,
  options: StoreDataSourceOptions = {},
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize,
    applicationName: options.applicationName,
    logging: options.logging ?? false,
    ...(options.logger ? { logger: options.logger } : {}),
    extra: {
      // Dates as 'YYYY-MM-DD' strings on every connection of the pool (see type-parsers).
      types: storeTypeParsers(),
      // A worker that dies mid-append leaves its statement running and its rows locked until PostgreSQL notices the
      // closed socket; checking every second lets the worker that takes over append within seconds.
      options: '-c client_connection_check_interval=1000',
    },
  };
}
