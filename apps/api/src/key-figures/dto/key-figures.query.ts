import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Agency, AGENCY_CODES, calendarDateAt, CalendarDate } from '../../../../../libs/domain/src';
import type { Period } from '../../../../../libs/domain/src/key-figures';
import { GROUPINGS, Grouping, KeyFigureFilter } from '../../../../../libs/store/src/key-figures';
import { OFFICE_ID, OFFICE_ID_RULE } from '../../offices/office-ids';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { IsNotAfter } from '../../validation/is-not-after';
import { IsNotBefore } from '../../validation/is-not-before';

/** Which key figures: the period, a breakdown, narrowing filters, and the day the figures are known as of. */
export class KeyFiguresFilterQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day of the period; default 1 January of `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day of the period; default asOf, or today (Brussels)',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  @IsNotAfter('asOf')
  to?: string;

  @ApiPropertyOptional({ enum: AGENCY_CODES, description: 'Only this agency' })
  @IsOptional()
  @IsIn(AGENCY_CODES)
  agency?: Agency;

  @ApiPropertyOptional({ maxLength: 100, description: 'Only newcomers living here (case-insensitive)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({
    pattern: OFFICE_ID.source,
    description: "Only this office's counsellors (GET /offices)",
  })
  @IsOptional()
  @Matches(OFFICE_ID, { message: `office must be an office id: ${OFFICE_ID_RULE}` })
  office?: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'The figures as the system knew them at the end of this day: computed from the events recorded by then ' +
      '(corrections recorded later are not seen). Absent: now, from the read models.',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  period(): Period {
    const to = (this.to ?? this.asOf ?? calendarDateAt(Date.now())) as CalendarDate;
    const from = (this.from ?? `${to.slice(0, 4)}-01-01`) as CalendarDate;
    return { from, to };
  }

  toFilter(groupBy?: Grouping): KeyFigureFilter {
    return {
      period: this.period(),
      ...(groupBy ? { groupBy } : {}),
      ...(this.agency === undefined ? {} : { agency: this.agency }),
      ...(this.municipality === undefined ? {} : { municipality: this.municipality }),
      ...(this.office === undefined ? {} : { officeId: this.office }),
    };
  }
}

export class KeyFiguresQuery extends KeyFiguresFilterQuery {
  @ApiPropertyOptional({
    enum: GROUPINGS,
    description: 'Break every figure down by agency, municipality or office',
  })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: Grouping;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'csv (or Accept: text/csv): one row per figure and group',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
