import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';

/** Deadline lists for managers and counsellors: what is due, met or missed, where. */
@Module({
  imports: [ReadModelsModule],
  controllers: [DeadlinesController],
  providers: [DeadlinesService],
})
export class DeadlinesModule {}
