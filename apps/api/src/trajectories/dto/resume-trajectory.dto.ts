import { ApiProperty } from '@nestjs/swagger';
import { ResumeTrajectory } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export class ResumeTrajectoryDto {
  @ApiProperty({
    format: 'date',
    description: 'Day the trajectory resumes (YYYY-MM-DD); open deadlines move by the days it was suspended',
  })
  @IsCalendarDate()
  resumedOn!: string;

  toCommand(): ResumeTrajectory {
    return { type: 'ResumeTrajectory', resumedOn: this.resumedOn };
  }
}
