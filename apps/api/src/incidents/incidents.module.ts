import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IncidentStore } from '../../../../libs/store/src';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';

/** Incidents for operators: trajectories held by a failure, listed with the cause and retried after a fix. */
@Module({
  controllers: [IncidentsController],
  providers: [
    {
      provide: IncidentStore,
      useFactory: (dataSource: DataSource) => new IncidentStore(dataSource),
      inject: [DataSource],
    },
    IncidentsService,
  ],
})
export class IncidentsModule {}
