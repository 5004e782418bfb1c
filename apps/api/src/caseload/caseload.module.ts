import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';

/** A counsellor's or an agency's running trajectories, ordered by what needs attention. */
@Module({
  imports: [ReadModelsModule],
  controllers: [CaseloadController],
  providers: [CaseloadService],
})
export class CaseloadModule {}
