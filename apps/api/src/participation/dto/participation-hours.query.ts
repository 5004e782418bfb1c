import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ExportFormatQuery } from '../../http/csv-export';
import type { ParticipationHoursFilter } from '../../../../../libs/store/src/read-models.types';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNotBefore } from '../../validation/is-not-before';

/** Whose participation hours and over which period; every filter optional (all municipalities, all time). */
export class ParticipationHoursQuery extends ExportFormatQuery {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'The coordinating municipality logged with the activities (name or NIS code)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  municipality?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Activities that ended on or after this date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Activities that ended on or before this date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;

  toFilter(): ParticipationHoursFilter {
    const filter: ParticipationHoursFilter = {};
    if (this.municipality !== undefined) filter.municipality = this.municipality;
    if (this.from !== undefined) filter.from = this.from;
    if (this.to !== undefined) filter.to = this.to;
    return filter;
  }
}
