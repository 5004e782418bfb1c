import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Pillar, WaivePillar } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_WAIVER_REASON_LENGTH = 1000;

/** An exemption granted later for one pillar (the pillar comes from the path). */
export class WaivePillarDto {
  @ApiProperty({
    maxLength: MAX_WAIVER_REASON_LENGTH,
    description: 'Why the pillar no longer applies, e.g. incapacity for work or a diploma',
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(MAX_WAIVER_REASON_LENGTH)
  reason!: string;

  @ApiProperty({ format: 'date', description: 'Date of the waiver (YYYY-MM-DD)' })
  @IsCalendarDate()
  waivedOn!: string;

  toCommand(pillar: Pillar): WaivePillar {
    return { type: 'WaivePillar', pillar, reason: this.reason, waivedOn: this.waivedOn };
  }
}
