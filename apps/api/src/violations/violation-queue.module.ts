import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ViolationDocumentController } from './document/violation-document.controller';
import { ViolationDocumentService } from './document/violation-document.service';
import { ViolationQueueController } from './violation-queue.controller';
import { ViolationQueueService } from './violation-queue.service';

/** Violation files (inbreukdossiers) for the enforcement officer of ABB: what waits for a decision, as documents. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ViolationQueueController, ViolationDocumentController],
  providers: [ViolationQueueService, ViolationDocumentService],
})
export class ViolationQueueModule {}
