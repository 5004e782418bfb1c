import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { Nt2Level, RecordFollowUpTestResult } from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** A result of the follow-up track's oral test; a pass at B1 completes the follow-up track and the trajectory. */
export class RecordFollowUpTestResultDto {
  @ApiProperty({ enum: NT2_LEVELS, description: 'The level tested (oral skills)' })
  @IsIn(NT2_LEVELS)
  level!: Nt2Level;

  @ApiProperty({ format: 'date', description: 'Date the test was taken (YYYY-MM-DD); not before the attest' })
  @IsCalendarDate()
  takenOn!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  toCommand(): RecordFollowUpTestResult {
    return {
      type: 'RecordFollowUpTestResult',
      level: this.level,
      takenOn: this.takenOn,
      passed: this.passed,
    };
  }
}
