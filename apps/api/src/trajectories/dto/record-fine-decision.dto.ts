import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { FineDecision, FINE_DECISIONS, RecordFineDecision } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/**
 * The enforcement officer's decision on a violation file. Only the amount's form is checked here; whether it
 * is required, and its range, are the policy's rules and are decided by the trajectory (422).
 */
export class RecordFineDecisionDto {
  @ApiProperty({ enum: FINE_DECISIONS })
  @IsIn(FINE_DECISIONS)
  decision!: FineDecision;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description:
      "The fine in whole euros: required for FINE, absent for NO_FINE. The trajectory's policy version sets the " +
      'range; an amount outside it is refused with 422 naming amountEuro',
    example: 250,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amountEuro?: number;

  @ApiProperty({ format: 'date', description: 'Date of the decision (YYYY-MM-DD)' })
  @IsCalendarDate()
  decidedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  explanation?: string;

  toCommand(violationId: string): RecordFineDecision {
    return {
      type: 'RecordFineDecision',
      violationId,
      decision: this.decision,
      ...(this.amountEuro === undefined ? {} : { amountEuro: this.amountEuro }),
      decidedOn: this.decidedOn,
      ...(this.explanation === undefined ? {} : { explanation: this.explanation }),
    };
  }
}
