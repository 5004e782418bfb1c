import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EXEMPTION_REASON_CODES, ExemptionReason, GrantExemption } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_EXEMPTION_EXPLANATION_LENGTH = 2000;

/** An exemption from the obligation granted later, for one of the exemption reasons (Actieplan integratiebeleid l.969-977). */
export class GrantExemptionDto {
  @ApiProperty({ enum: EXEMPTION_REASON_CODES })
  @IsIn(EXEMPTION_REASON_CODES)
  reason!: ExemptionReason;

  @ApiProperty({
    format: 'date',
    description:
      'The day the newcomer is exempt from (YYYY-MM-DD); not in the future, not before the registration',
  })
  @IsCalendarDate()
  grantedOn!: string;

  @ApiPropertyOptional({
    maxLength: MAX_EXEMPTION_EXPLANATION_LENGTH,
    description: 'e.g. the medical certificate or the diploma that was shown',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EXEMPTION_EXPLANATION_LENGTH)
  explanation?: string;

  toCommand(): GrantExemption {
    return {
      type: 'GrantExemption',
      reason: this.reason,
      grantedOn: this.grantedOn,
      ...(this.explanation === undefined ? {} : { explanation: this.explanation }),
    };
  }
}
