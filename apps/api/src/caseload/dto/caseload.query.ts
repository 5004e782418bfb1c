import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  Agency,
  AGENCY_CODES,
  ATTENTION_GROUPS,
  AttentionGroup,
  TrajectoryStatus,
} from '../../../../../libs/domain/src';
import type { CaseloadFilter } from '../../../../../libs/store/src/read-models.types';
import { TRAJECTORY_STATUSES } from '../../http/domain-enums';
import { PageQuery } from '../../http/paging';

/** Closed trajectories are not in a caseload. */
export const CASELOAD_STATUSES = TRAJECTORY_STATUSES.filter(
  (status): status is Exclude<TrajectoryStatus, 'CLOSED'> => status !== 'CLOSED',
);

export const CASELOAD_OWNER_REQUIRED = 'counsellorId or agency is required';

/**
 * Whose caseload: a counsellor's, an agency's, or a counsellor's within an agency; optionally only one attention
 * group or status; one page at a time.
 */
export class CaseloadQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'The counsellor whose trajectories to list' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  counsellorId?: string;

  @ApiPropertyOptional({
    enum: AGENCY_CODES,
    description: 'The agency whose trajectories to list; required when counsellorId is not given',
  })
  // Optional when counsellorId is given; otherwise validated, so that an absent agency names the missing filter.
  @ValidateIf((query: CaseloadQuery) => query.agency !== undefined || query.counsellorId === undefined)
  @IsIn(AGENCY_CODES, {
    message: ({ value }) =>
      value === undefined
        ? CASELOAD_OWNER_REQUIRED
        : `agency must be one of the following values: ${AGENCY_CODES.join(', ')}`,
  })
  agency?: Agency;

  @ApiPropertyOptional({
    enum: ATTENTION_GROUPS,
    description:
      'Only the cases in this attention group today (Europe/Brussels): OVERDUE (a missed deadline, a violation ' +
      'file awaiting a decision, or the next due date passed), DUE_SOON (next due date within 14 days), ' +
      'WAITING_FOR_ME (open, intake or contract still to record), ON_TRACK',
  })
  @IsOptional()
  @IsIn(ATTENTION_GROUPS)
  attention?: AttentionGroup;

  @ApiPropertyOptional({ enum: CASELOAD_STATUSES, description: 'Only open or only suspended trajectories' })
  @IsOptional()
  @IsIn(CASELOAD_STATUSES)
  status?: Exclude<TrajectoryStatus, 'CLOSED'>;

  toFilter(): CaseloadFilter & { limit: number; offset: number } {
    return { ...caseloadFilterOf(this), limit: this.limit, offset: this.offset };
  }
}

/** The same filters as a page of the caseload, for the whole list at once. */
export class WholeCaseloadQuery extends OmitType(CaseloadQuery, ['limit', 'offset'] as const) {}

/** The filters a caseload query gives (unset ones left out). */
export function caseloadFilterOf(query: WholeCaseloadQuery): CaseloadFilter {
  const filter: CaseloadFilter = {};
  if (query.counsellorId !== undefined) filter.counsellorId = query.counsellorId;
  if (query.agency !== undefined) filter.agency = query.agency;
  if (query.attention !== undefined) filter.attention = query.attention;
  if (query.status !== undefined) filter.status = query.status;
  return filter;
}
