import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { ParticipationHoursController } from './participation-hours.controller';
import { ParticipationHoursService } from './participation-hours.service';

/** The participation-and-network pillar as municipalities see it: hours and activities in their area. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ParticipationHoursController],
  providers: [ParticipationHoursService],
})
export class ParticipationModule {}
