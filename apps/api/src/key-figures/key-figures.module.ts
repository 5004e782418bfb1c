import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyFigureQueries } from '../../../../libs/store/src/key-figures';
import { KeyFiguresController } from './key-figures.controller';
import { KeyFiguresService } from './key-figures.service';
import { TrajectoryAsOfController } from './trajectory-as-of.controller';

/** The key figures (now and as of a day), the per-municipality indicators, and a trajectory as of a day. */
@Module({
  controllers: [KeyFiguresController, TrajectoryAsOfController],
  providers: [
    {
      provide: KeyFigureQueries,
      useFactory: (dataSource: DataSource) => new KeyFigureQueries(dataSource),
      inject: [DataSource],
    },
    KeyFiguresService,
  ],
  exports: [KeyFiguresService],
})
export class KeyFiguresModule {}
