import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { Nt2Level, RecordNt2TestResult } from '../../../../../libs/domain/src';
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

  toCommand(): RecordNt2TestResult {
    return { type: 'RecordNt2TestResult', level: this.level, takenOn: this.takenOn, passed: this.passed };
  }
}
