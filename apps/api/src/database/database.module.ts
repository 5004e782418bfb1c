import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { createDataSource, ParameterFreeSqlLogger, runMigrations } from '../../../../libs/store/src';
import { ApiConfig } from '../config/api-config.service';

const logger = new Logger('Database');

async function databaseOptions(config: ApiConfig): Promise<TypeOrmModuleOptions> {
  if (config.runMigrations) {
    const applied = await runMigrations(config.databaseOwnerUrl);
    for (const name of applied) logger.log(`applied migration ${name}`);
  }
  // The store's own data source options (entities, per-pool type parsers that keep dates as YYYY-MM-DD);
  // the schema belongs to the migrations, never to synchronisation.
  // Failed queries are logged without their parameters (personal data).
  const { options } = createDataSource(config.databaseUrl, {
    applicationName: 'inburgering-api',
    logging: ['error'],
    logger: new ParameterFreeSqlLogger(),
  });
  return { ...options, synchronize: false, migrationsRun: false, retryAttempts: 3, retryDelay: 1_000 };
}

@Module({
  imports: [TypeOrmModule.forRootAsync({ inject: [ApiConfig], useFactory: databaseOptions })],
})
export class DatabaseModule {}
