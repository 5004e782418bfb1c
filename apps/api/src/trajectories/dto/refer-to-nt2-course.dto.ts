import { ApiProperty } from '@nestjs/swagger';
import { ReferToNt2Course } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { Nt2CourseDto } from './nt2-course.dto';

/** Referral to a Dutch (NT2) course after the learning-needs detection. */
export class ReferToNt2CourseDto extends Nt2CourseDto {
  @ApiProperty({ format: 'date', description: 'Date of the referral (YYYY-MM-DD)' })
  @IsCalendarDate()
  referredOn!: string;

  toCommand(): ReferToNt2Course {
    return {
      type: 'ReferToNt2Course',
      provider: this.provider,
      course: this.course,
      level: this.level,
      referredOn: this.referredOn,
    };
  }
}
