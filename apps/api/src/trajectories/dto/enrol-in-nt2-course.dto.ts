import { ApiProperty } from '@nestjs/swagger';
import { EnrolInNt2Course } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { Nt2CourseDto } from './nt2-course.dto';

/** The newcomer starts a Dutch (NT2) course after the referral, as the provider or the counsellor reports it. */
export class EnrolInNt2CourseDto extends Nt2CourseDto {
  @ApiProperty({ format: 'date', description: 'First day of the course for the newcomer (YYYY-MM-DD)' })
  @IsCalendarDate()
  enrolledOn!: string;

  toCommand(): EnrolInNt2Course {
    return {
      type: 'EnrolInNt2Course',
      provider: this.provider,
      course: this.course,
      level: this.level,
      enrolledOn: this.enrolledOn,
    };
  }
}
