import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Nt2Level, ReferToNt2Course } from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** Referral to a Dutch (NT2) course after the learning-needs detection. */
export class ReferToNt2CourseDto {
  @ApiProperty({
    maxLength: 200,
    description: 'The course provider (CVO, CBE, Huis van het Nederlands, ...)',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ maxLength: 200, description: 'The course the newcomer is referred to' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  course!: string;

  @ApiProperty({ enum: NT2_LEVELS, description: 'The level the course leads to' })
  @IsIn(NT2_LEVELS)
  level!: Nt2Level;

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
