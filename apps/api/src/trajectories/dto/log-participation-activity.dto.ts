import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { LogParticipationActivity } from '../../../../../libs/domain/src';
import { PARTICIPATION_ACTIVITY_KINDS, ParticipationActivityKind } from '../../http/domain-enums';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export const MAX_FEEDBACK_LENGTH = 2000;

/**
 * An activity of the participation-and-network pillar (buddy, introductory internship, volunteering, ...), logged
 * by the municipality's coordinator or the counsellor. Only the form is checked here: whether the pillar applies,
 * the hours' bounds and the order of the dates are the trajectory's rules (422).
 */
export class LogParticipationActivityDto {
  @ApiProperty({ enum: PARTICIPATION_ACTIVITY_KINDS })
  @IsIn(PARTICIPATION_ACTIVITY_KINDS)
  kind!: ParticipationActivityKind;

  @ApiProperty({
    type: 'number',
    description: 'Hours spent, more than 0; the trajectory takes quarter hours, at most 40 for one activity',
    example: 3.5,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  hours!: number;

  @ApiProperty({ format: 'date', description: 'First day of the activity (YYYY-MM-DD)' })
  @IsCalendarDate()
  startedOn!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the activity (YYYY-MM-DD), not before startedOn' })
  @IsCalendarDate()
  endedOn!: string;

  @ApiProperty({ maxLength: 200, description: 'The organisation, company, association or service involved' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  organisation!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: "The coordinating municipality (name or NIS code); defaults to the newcomer's",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  municipality?: string;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_LENGTH, description: 'How the newcomer saw the activity' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FEEDBACK_LENGTH)
  participantFeedback?: string;

  @ApiPropertyOptional({
    maxLength: MAX_FEEDBACK_LENGTH,
    description: 'How the organisation saw the activity',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FEEDBACK_LENGTH)
  organisationFeedback?: string;

  toCommand(): LogParticipationActivity {
    return {
      type: 'LogParticipationActivity',
      kind: this.kind,
      hours: this.hours,
      startedOn: this.startedOn,
      endedOn: this.endedOn,
      organisation: this.organisation,
      ...(this.municipality === undefined ? {} : { municipality: this.municipality }),
      ...(this.participantFeedback === undefined ? {} : { participantFeedback: this.participantFeedback }),
      ...(this.organisationFeedback === undefined ? {} : { organisationFeedback: this.organisationFeedback }),
    };
  }
}
