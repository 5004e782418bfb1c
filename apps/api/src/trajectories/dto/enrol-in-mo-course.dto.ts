import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { EnrolInMoCourse } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** Enrolment in a social-orientation (MO) course, in a language the newcomer understands. */
export class EnrolInMoCourseDto {
  @ApiProperty({
    maxLength: 200,
    description: 'The course provider, e.g. the agency or a partner organisation',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ maxLength: 100, description: 'The language the course is given in', example: 'Arabic' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(100)
  language!: string;

  @ApiProperty({ format: 'date', description: 'Date of the enrolment (YYYY-MM-DD)' })
  @IsCalendarDate()
  enrolledOn!: string;

  toCommand(): EnrolInMoCourse {
    return {
      type: 'EnrolInMoCourse',
      provider: this.provider,
      language: this.language,
      enrolledOn: this.enrolledOn,
    };
  }
}
