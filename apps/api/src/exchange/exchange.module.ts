import { Module } from '@nestjs/common';
import { ExchangeAccess } from './exchange-access';
import { RegistrationImportsController } from './registration-imports.controller';
import { RegistrationImportsService } from './registration-imports.service';
import { RegistrationMatcherStarter } from './registration-matcher.starter';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

/** The partner exchange, inbound: VDAB and Actiris registrations, singly and in bulk, and the reconciliation queue. */
@Module({
  controllers: [RegistrationImportsController, RegistrationsController],
  providers: [ExchangeAccess, RegistrationImportsService, RegistrationsService, RegistrationMatcherStarter],
})
export class ExchangeModule {}
