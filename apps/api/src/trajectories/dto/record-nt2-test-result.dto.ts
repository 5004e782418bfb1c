import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  MAX_CERTIFICATE_NUMBER_LENGTH,
  NT2_SKILLS,
  Nt2Level,
  Nt2Skill,
  RecordNt2TestResult,
} from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The result of a standardised NT2 test; passing at the target level completes the NT2 pillar. */
export class RecordNt2TestResultDto {
  @ApiProperty({ enum: NT2_LEVELS, description: 'The level tested' })
  @IsIn(NT2_LEVELS)
  level!: Nt2Level;

  @ApiProperty({
    format: 'date',
    description: 'Date the test was taken (YYYY-MM-DD); not before the referral',
  })
  @IsCalendarDate()
  takenOn!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({
    maxLength: MAX_CERTIFICATE_NUMBER_LENGTH,
    description:
      'The number of the certificate issued with a pass: required with a pass (422), refused with a fail',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CERTIFICATE_NUMBER_LENGTH)
  certificateNumber?: string;

  @ApiPropertyOptional({
    enum: NT2_SKILLS,
    isArray: true,
    description:
      'The skills the test covered; absent: all four (the literacy track needs listening and speaking)',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(NT2_SKILLS, { each: true })
  skills?: Nt2Skill[];

  toCommand(): RecordNt2TestResult {
    return {
      type: 'RecordNt2TestResult',
      level: this.level,
      takenOn: this.takenOn,
      passed: this.passed,
      ...(this.skills === undefined ? {} : { skills: this.skills }),
      ...(this.certificateNumber === undefined ? {} : { certificateNumber: this.certificateNumber }),
    };
  }
}
