import { Module } from '@nestjs/common';
import { ExchangeAccess } from './exchange-access';
import { PartnerRecordsController } from './partner-records.controller';
import { PartnerRecordsService } from './partner-records.service';
import { RegistrationImportsController } from './registration-imports.controller';
import { RegistrationImportsService } from './registration-imports.service';
import { RegistrationMatcherStarter } from './registration-matcher.starter';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

/**
 * The partner exchange, inbound: VDAB and Actiris registrations, singly and in bulk, and the reconciliation queue;
 * the municipalities' participation activities and the test centres' course records, singly and in bulk.
 */
@Module({
  controllers: [RegistrationImportsController, RegistrationsController, PartnerRecordsController],
  providers: [
    ExchangeAccess,
    RegistrationImportsService,
    RegistrationsService,
    RegistrationMatcherStarter,
    PartnerRecordsService,
  ],
})
export class ExchangeModule {}
