import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CaseloadModule } from './caseload/caseload.module';
import { ApiConfigModule } from './config/api-config.module';
import { EnvironmentOverrides } from './config/environment';
import { CodecModule } from './codec/codec.module';
import { DatabaseModule } from './database/database.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { ExchangeModule } from './exchange/exchange.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { RateLimitModule } from './http/rate-limit/rate-limit.module';
import { KeyFiguresModule } from './key-figures/key-figures.module';
import { ReportsModule } from './reports/reports.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { OfficesModule } from './offices/offices.module';
import { OutboxModule } from './outbox/outbox.module';
import { ParticipationModule } from './participation/participation.module';
import { PolicyActionsModule } from './policy-actions/policy-actions.module';
import { TemporalModule } from './temporal/temporal.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';
import { ViolationQueueModule } from './violations/violation-queue.module';
import { WhatIfModule } from './what-if/what-if.module';

@Module({})
export class AppModule {
  static forRoot(environment: EnvironmentOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApiConfigModule.forRoot(environment),
        DatabaseModule,
        TemporalModule,
        AuthModule,
        // After AuthModule: its guard counts the subjects the auth guard verified.
        RateLimitModule,
        TrajectoriesModule,
        DeadlinesModule,
        CaseloadModule,
        ParticipationModule,
        ViolationQueueModule,
        ExchangeModule,
        HealthModule,
        IncidentsModule,
        CodecModule,
        OfficesModule,
        MonitoringModule,
        OutboxModule,
        PolicyActionsModule,
        WhatIfModule,
        KeyFiguresModule,
        ReportsModule,
      ],
    };
  }
}
