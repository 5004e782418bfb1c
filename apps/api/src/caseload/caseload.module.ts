import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CaseloadExport } from './caseload-export';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';

/** A counsellor's or an agency's running trajectories, ordered by what needs attention. */
@Module({
  imports: [ReadModelsModule],
  controllers: [CaseloadController],
  providers: [CaseloadService, CaseloadExport],
})
export class CaseloadModule {}
