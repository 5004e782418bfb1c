import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../../libs/store/src/queries/audit-trail';
import { AccessService } from '../access/access.service';
import { AuditController } from '../access/audit.controller';
import { AuditInterceptor } from '../access/audit.interceptor';
import { CsvExportInterceptor } from '../http/csv-export';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Sign-in (bearer tokens from the configured OpenID provider), access (the policy) for every route, and the audit
 * trail of personal-data access written in the same request.
 */
@Global()
@Module({
  imports: [ReadModelsModule],
  controllers: [AuditController],
  providers: [
    TokenVerifier,
    AccessService,
    {
      provide: AuditTrail,
      useFactory: (dataSource: DataSource) => new AuditTrail(dataSource),
      inject: [DataSource],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    // The first is the outer one: a list becomes CSV only after the audit has read its trajectories.
    { provide: APP_INTERCEPTOR, useClass: CsvExportInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AccessService, AuditTrail],
})
export class AuthModule {}
