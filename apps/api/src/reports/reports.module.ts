import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnnualReportQueries } from '../../../../libs/store/src/key-figures';
import { DeadlineMonitoring } from '../../../../libs/store/src/queries/deadline-monitoring';
import { KeyFiguresModule } from '../key-figures/key-figures.module';
import { PrintingModule } from '../printing/printing.module';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';

/** The annual report: HTML, PDF and its tables. */
@Module({
  imports: [KeyFiguresModule, PrintingModule],
  controllers: [AnnualReportController],
  providers: [
    {
      provide: AnnualReportQueries,
      useFactory: (dataSource: DataSource) => new AnnualReportQueries(dataSource),
      inject: [DataSource],
    },
    {
      provide: DeadlineMonitoring,
      useFactory: (dataSource: DataSource) => new DeadlineMonitoring(dataSource),
      inject: [DataSource],
    },
    AnnualReportService,
  ],
})
export class ReportsModule {}
