import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Agency, AGENCY_CODES, DeadlineKind, DeadlineState } from '../../../../../libs/domain/src';
import type { DeadlineFilter } from '../../../../../libs/store/src/read-models.types';
import { DEADLINE_KINDS, DEADLINE_STATES } from '../../http/domain-enums';
import { PageQuery } from '../../http/paging';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNotBefore } from '../../validation/is-not-before';

/** Which deadlines a manager or counsellor wants to see, one page at a time. */
export class ListDeadlinesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEADLINE_STATES })
  @IsOptional()
  @IsIn(DEADLINE_STATES)
  state?: DeadlineState;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({ enum: AGENCY_CODES })
  @IsOptional()
  @IsIn(AGENCY_CODES)
  agency?: Agency;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  counsellorId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  municipality?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or after this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or before this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('dueFrom')
  dueTo?: string;

  toFilter(): DeadlineFilter & { limit: number; offset: number } {
    const filter: DeadlineFilter & { limit: number; offset: number } = {
      limit: this.limit,
      offset: this.offset,
    };
    if (this.state !== undefined) filter.state = this.state;
    if (this.kind !== undefined) filter.kind = this.kind;
    if (this.agency !== undefined) filter.agency = this.agency;
    if (this.counsellorId !== undefined) filter.counsellorId = this.counsellorId;
    if (this.municipality !== undefined) filter.municipality = this.municipality;
    if (this.dueFrom !== undefined) filter.dueFrom = this.dueFrom;
    if (this.dueTo !== undefined) filter.dueTo = this.dueTo;
    return filter;
  }
}
