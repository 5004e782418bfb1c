import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { REPORTABLE_VIOLATIONS, ReportableViolation, ReportViolation } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_VIOLATION_FACTS_LENGTH = 2000;

/**
 * A violation the counsellor observes; it opens a violation file for the enforcement officer. Whether it fits
 * where the trajectory stands (a refusal to sign before the contract, irregular attendance after it) is for the
 * trajectory to say (409).
 */
export class ReportViolationDto {
  @ApiProperty({ enum: REPORTABLE_VIOLATIONS })
  @IsIn(REPORTABLE_VIOLATIONS)
  kind!: ReportableViolation;

  @ApiProperty({ format: 'date', description: 'Date the violation was observed (YYYY-MM-DD)' })
  @IsCalendarDate()
  observedOn!: string;

  @ApiProperty({
    maxLength: MAX_VIOLATION_FACTS_LENGTH,
    description: 'What happened, for the violation file',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(MAX_VIOLATION_FACTS_LENGTH)
  facts!: string;

  toCommand(): ReportViolation {
    return { type: 'ReportViolation', kind: this.kind, observedOn: this.observedOn, facts: this.facts };
  }
}
