import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineMonitoring } from '../../../../libs/store/src/queries/deadline-monitoring';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** Deadline monitoring for managers: counts, weekly trend and drill-down, over the deadlines read model. */
@Module({
  controllers: [MonitoringController],
  providers: [
    {
      provide: DeadlineMonitoring,
      useFactory: (dataSource: DataSource) => new DeadlineMonitoring(dataSource),
      inject: [DataSource],
    },
    MonitoringService,
  ],
})
export class MonitoringModule {}
