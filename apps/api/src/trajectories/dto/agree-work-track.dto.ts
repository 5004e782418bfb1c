import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { AgreeWorkTrack } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The track to work the VDAB mediator and the counsellor agreed with the newcomer. */
export class AgreeWorkTrackDto {
  @ApiProperty({ maxLength: 2000, description: 'What was agreed' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ format: 'date', description: 'Date of the agreement (YYYY-MM-DD)' })
  @IsCalendarDate()
  agreedOn!: string;

  toCommand(): AgreeWorkTrack {
    return { type: 'AgreeWorkTrack', description: this.description, agreedOn: this.agreedOn };
  }
}
