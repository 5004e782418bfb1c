import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_CERTIFICATE_NUMBER_LENGTH, RecordMoTestResult } from '../../../../../libs/domain/src';
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

  @ApiPropertyOptional({
    maxLength: MAX_CERTIFICATE_NUMBER_LENGTH,
    description:
      'The number of the certificate issued with a pass: required with a pass (422), refused with a fail',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CERTIFICATE_NUMBER_LENGTH)
  certificateNumber?: string;

  toCommand(): RecordMoTestResult {
    return {
      type: 'RecordMoTestResult',
      takenOn: this.takenOn,
      passed: this.passed,
      ...(this.certificateNumber === undefined ? {} : { certificateNumber: this.certificateNumber }),
    };
  }
}
