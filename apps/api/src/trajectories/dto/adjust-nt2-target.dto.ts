import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { AdjustNt2Target, Nt2Level } from '../../../../../libs/domain/src';
import { NT2_LEVELS } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_ADJUSTMENT_REASON_LENGTH = 1000;

/** A lower NT2 target for an illiterate or low-literate learner (the adjusted path, BBT 2020-2021 l.1109-1117). */
export class AdjustNt2TargetDto {
  @ApiProperty({ enum: NT2_LEVELS, description: 'The new target: below the current one' })
  @IsIn(NT2_LEVELS)
  targetLevel!: Nt2Level;

  @ApiProperty({ format: 'date', description: 'Date of the decision (YYYY-MM-DD)' })
  @IsCalendarDate()
  adjustedOn!: string;

  @ApiProperty({
    maxLength: MAX_ADJUSTMENT_REASON_LENGTH,
    description: 'Why this learner follows the adjusted path',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(MAX_ADJUSTMENT_REASON_LENGTH)
  reason!: string;

  toCommand(): AdjustNt2Target {
    return {
      type: 'AdjustNt2Target',
      targetLevel: this.targetLevel,
      adjustedOn: this.adjustedOn,
      reason: this.reason,
    };
  }
}
