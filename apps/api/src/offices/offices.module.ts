import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfficeStore } from '../../../../libs/store/src/offices/office-store';
import { OfficesController } from './offices.controller';

/** The agencies' offices and their counsellors, kept by managers; used by monitoring and reassignment. */
@Module({
  controllers: [OfficesController],
  providers: [
    {
      provide: OfficeStore,
      useFactory: (dataSource: DataSource) => new OfficeStore(dataSource),
      inject: [DataSource],
    },
  ],
  exports: [OfficeStore],
})
export class OfficesModule {}
