import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  Agency,
  AGENCY_CODES,
  calendarDateAt,
  CalendarDate,
  COUNSELLOR_ID,
  DEADLINE_BUCKETS,
  DeadlineBucket,
  DeadlineKind,
} from '../../../../../libs/domain/src';
import {
  MONITORING_GROUPS,
  MonitoringFilter,
  MonitoringGroup,
} from '../../../../../libs/store/src/queries/deadline-monitoring';
import { ExportFormatQuery } from '../../http/csv-export';
import { DEADLINE_KINDS } from '../../http/domain-enums';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../http/paging';
import { IsCalendarDate } from '../../validation/is-calendar-date';
import { OFFICE_ID, OFFICE_ID_RULE } from '../../offices/office-ids';

export const MAX_TREND_WEEKS = 104;

/** The filters every monitoring view takes; the caller's scope applies on top of them. */
export class MonitoringFilterQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ enum: AGENCY_CODES })
  @IsOptional()
  @IsIn(AGENCY_CODES)
  agency?: Agency;

  @ApiPropertyOptional({ pattern: OFFICE_ID.source, description: 'An office id (GET /offices)' })
  @IsOptional()
  @Matches(OFFICE_ID, { message: `office must be an office id: ${OFFICE_ID_RULE}` })
  office?: string;

  @ApiPropertyOptional({ pattern: COUNSELLOR_ID.source })
  @IsOptional()
  @Matches(COUNSELLOR_ID, {
    message: 'counsellor must be a counsellor id (letters, digits, ".", "_", "@", "-")',
  })
  counsellor?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Where the newcomer lives (case-insensitive)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({
    format: 'date',
    description: 'The reference day (YYYY-MM-DD); default today in Brussels',
  })
  @IsOptional()
  @IsCalendarDate()
  asOn?: string;

  referenceDay(): CalendarDate {
    return (this.asOn as CalendarDate | undefined) ?? calendarDateAt(Date.now());
  }

  toFilter(): MonitoringFilter {
    return {
      asOn: this.referenceDay(),
      ...(this.agency === undefined ? {} : { agency: this.agency }),
      ...(this.office === undefined ? {} : { officeId: this.office }),
      ...(this.counsellor === undefined ? {} : { counsellorId: this.counsellor }),
      ...(this.municipality === undefined ? {} : { municipality: this.municipality }),
      ...(this.kind === undefined ? {} : { kind: this.kind }),
    };
  }
}

export class DeadlineCountsQuery extends MonitoringFilterQuery {
  @ApiPropertyOptional({ enum: MONITORING_GROUPS, default: 'agency' })
  @IsOptional()
  @IsIn(MONITORING_GROUPS)
  groupBy: MonitoringGroup = 'agency';
}

export class DeadlineTrendQuery extends MonitoringFilterQuery {
  @ApiPropertyOptional({
    enum: MONITORING_GROUPS,
    description: 'Without it, one series for everything in scope',
  })
  @IsOptional()
  @IsIn(MONITORING_GROUPS)
  groupBy?: MonitoringGroup;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_TREND_WEEKS,
    default: 12,
    description: 'ISO weeks up to asOn',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_WEEKS)
  weeks: number = 12;
}

export class DeadlineCasesQuery extends MonitoringFilterQuery {
  @ApiProperty({ enum: DEADLINE_BUCKETS, description: 'Which count to open' })
  @IsIn(DEADLINE_BUCKETS)
  bucket!: DeadlineBucket;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
