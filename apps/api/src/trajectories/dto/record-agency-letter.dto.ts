import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Agency, AGENCY_CODES, RecordAgencyLetter } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The agency's registered letter to an obliged newcomer: the three months to report to an agency run from it. */
export class RecordAgencyLetterDto {
  @ApiProperty({ format: 'date', description: 'Date the registered letter was sent (YYYY-MM-DD)' })
  @IsCalendarDate()
  sentOn!: string;

  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that sent the letter' })
  @IsIn(AGENCY_CODES)
  sendingAgency!: Agency;

  toCommand(): RecordAgencyLetter {
    return { type: 'RecordAgencyLetter', sentOn: this.sentOn, sendingAgency: this.sendingAgency };
  }
}
