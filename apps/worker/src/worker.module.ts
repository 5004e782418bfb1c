import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { createDataSource, EventStore, IncidentStore, ParameterFreeSqlLogger } from '../../../libs/store/src';
import { CaseloadImportActivitiesService } from './activities/caseload-import.activities';
import { EventStoreActivities } from './activities/event-store.activities';
import { PartnerRecordExchangeActivitiesService } from './activities/partner-record-exchange.activities';
import { registrationExchangeProviders } from './activities/registration-exchange.activities';
import { validateWorkerEnvironment, WorkerEnvironment } from './config/worker-config';

/** Dependency injection for the worker's activities: configuration, the database and the event store. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * process.env with `overrides` on top, validated, loaded as configuration (ConfigModule's own `validate`
   * would write the values back into process.env and leak one worker's overrides into the next).
   */
  static withEnvironment(overrides: Partial<WorkerEnvironment> = {}): DynamicModule {
    const environment = validateWorkerEnvironment({ ...process.env, ...overrides });
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...environment })],
        }),
      ],
      providers: [
        {
          provide: DataSource,
          inject: [ConfigService],
          useFactory: (config: ConfigService<WorkerEnvironment, true>) =>
            createDataSource(config.get('DATABASE_URL', { infer: true }), {
              applicationName: 'inburgering-worker',
              logging: ['error'],
              logger: new ParameterFreeSqlLogger(),
            }).initialize(),
        },
        {
          provide: EventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new EventStore(dataSource),
        },
        {
          provide: IncidentStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new IncidentStore(dataSource),
        },
        EventStoreActivities,
        ...registrationExchangeProviders,
        PartnerRecordExchangeActivitiesService,
        CaseloadImportActivitiesService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
