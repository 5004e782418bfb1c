import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ViolationQueueController } from './violation-queue.controller';
import { ViolationQueueService } from './violation-queue.service';

/** Violation files (inbreukdossiers) for the enforcement officer of ABB: what waits for a decision. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ViolationQueueController],
  providers: [ViolationQueueService],
})
export class ViolationQueueModule {}
