import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { EnrolInNt2Course, Nt2Level } from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The newcomer starts a Dutch (NT2) course after the referral, as the provider or the counsellor reports it. */
export class EnrolInNt2CourseDto {
  @ApiProperty({
    maxLength: 200,
    description: 'The course provider (CVO, CBE, university language centre, ...)',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ maxLength: 200, description: 'The course the newcomer started' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  course!: string;

  @ApiProperty({ enum: NT2_LEVELS, description: 'The level the course leads to' })
  @IsIn(NT2_LEVELS)
  level!: Nt2Level;

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
