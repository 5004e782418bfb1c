import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CaseloadImportsController } from './bulk-opening/caseload-imports.controller';
import { CaseloadImportsService } from './bulk-opening/caseload-imports.service';
import { ReassignmentController } from './reassignment.controller';
import { PillarsController } from './pillars.controller';
import { TargetGroupController } from './target-group.controller';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { TrajectoryExceptionsController } from './trajectory-exceptions.controller';
import { TrajectoryOutcomesController } from './trajectory-outcomes.controller';
import { TrajectoryReadsService } from './trajectory-reads.service';
import { ViolationsController } from './violations.controller';

/**
 * The counsellor's commands on trajectories (main line, target group, pillars, exceptions), violation reports and
 * the enforcement officer's decisions, what they read about one trajectory, and an agency's caseload opened at once.
 */
@Module({
  imports: [ReadModelsModule, OfficesModule],
  controllers: [
    TrajectoriesController,
    TargetGroupController,
    PillarsController,
    TrajectoryExceptionsController,
    ReassignmentController,
    TrajectoryOutcomesController,
    ViolationsController,
    CaseloadImportsController,
  ],
  providers: [TrajectoryCommandsService, TrajectoryReadsService, CaseloadImportsService],
})
export class TrajectoriesModule {}
