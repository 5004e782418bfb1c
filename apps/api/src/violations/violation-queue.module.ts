import { Module } from '@nestjs/common';
import { PrintingModule } from '../printing/printing.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ViolationDocumentController } from './document/violation-document.controller';
import { ViolationDocumentService } from './document/violation-document.service';
import { ViolationQueueController } from './violation-queue.controller';
import { ViolationQueueService } from './violation-queue.service';

/** Violation files (inbreukdossiers) for the enforcement officer of ABB: what waits for a decision, as documents. */
@Module({
  imports: [ReadModelsModule, PrintingModule],
  controllers: [ViolationQueueController, ViolationDocumentController],
  providers: [ViolationQueueService, ViolationDocumentService],
})
export class ViolationQueueModule {}
