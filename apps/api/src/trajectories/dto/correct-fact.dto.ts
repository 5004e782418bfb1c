import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CorrectableFact, CORRECTABLE_FACTS, CorrectFact } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_CORRECTION_REASON_LENGTH = 1000;

/** A wrongly recorded date is corrected by a new event with a reason; the original stays in the history. */
export class CorrectFactDto {
  @ApiProperty({ enum: CORRECTABLE_FACTS, description: 'The recorded date to correct' })
  @IsIn(CORRECTABLE_FACTS)
  fact!: CorrectableFact;

  @ApiProperty({ format: 'date', description: 'The right date (YYYY-MM-DD)' })
  @IsCalendarDate()
  correctedDate!: string;

  @ApiProperty({ maxLength: MAX_CORRECTION_REASON_LENGTH, description: 'Why the recorded date was wrong' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(MAX_CORRECTION_REASON_LENGTH)
  reason!: string;

  toCommand(): CorrectFact {
    return { type: 'CorrectFact', fact: this.fact, correctedDate: this.correctedDate, reason: this.reason };
  }
}
