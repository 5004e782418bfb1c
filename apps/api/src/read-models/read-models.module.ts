import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TypeOrmTrajectoryQueries } from '../../../../libs/store/src';
import { TRAJECTORY_QUERIES } from './trajectory-queries.token';

/** The read side over the database connection of DatabaseModule. */
@Module({
  providers: [
    {
      provide: TRAJECTORY_QUERIES,
      useFactory: (dataSource: DataSource) => new TypeOrmTrajectoryQueries(dataSource),
      inject: [DataSource],
    },
  ],
  exports: [TRAJECTORY_QUERIES],
})
export class ReadModelsModule {}
