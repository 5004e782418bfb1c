import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Min } from 'class-validator';
import { RecordAttendance } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

const COURSE_PILLARS = ['MO', 'NT2'] as const;

/** Attendance of the MO or NT2 course over a period, as the course provider reports it. */
export class RecordAttendanceDto {
  @ApiProperty({ enum: COURSE_PILLARS })
  @IsIn(COURSE_PILLARS)
  pillar!: RecordAttendance['pillar'];

  @ApiProperty({ format: 'date', description: 'First day of the period (YYYY-MM-DD)' })
  @IsCalendarDate()
  periodFrom!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the period (YYYY-MM-DD)' })
  @IsCalendarDate()
  periodTo!: string;

  @ApiProperty({ minimum: 0, description: 'Course hours scheduled in the period' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  hoursScheduled!: number;

  @ApiProperty({ minimum: 0, description: 'Hours the newcomer attended; at most the scheduled hours' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  hoursAttended!: number;

  toCommand(): RecordAttendance {
    const { pillar, periodFrom, periodTo, hoursScheduled, hoursAttended } = this;
    return { type: 'RecordAttendance', pillar, periodFrom, periodTo, hoursScheduled, hoursAttended };
  }
}
