import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { RecordMoTestResult } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The result of the standardised MO test; a passed test completes the MO pillar. */
export class RecordMoTestResultDto {
  @ApiProperty({
    format: 'date',
    description: 'Date the test was taken (YYYY-MM-DD); not before the enrolment',
  })
  @IsCalendarDate()
  takenOn!: string;

  @ApiProperty()
  @IsBoolean()
  passed!: boolean;

  toCommand(): RecordMoTestResult {
    return { type: 'RecordMoTestResult', takenOn: this.takenOn, passed: this.passed };
  }
}
