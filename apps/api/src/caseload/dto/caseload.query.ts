import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Agency, AGENCY_CODES } from '../../../../../libs/domain/src';
import type { CaseloadFilter } from '../../../../../libs/store/src/read-models.types';
import { PageQuery } from '../../http/paging';

export const CASELOAD_OWNER_REQUIRED = 'counsellorId or agency is required';

/** Whose caseload: a counsellor's, an agency's, or a counsellor's within an agency; one page at a time. */
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

  toFilter(): CaseloadFilter & { limit: number; offset: number } {
    const filter: CaseloadFilter & { limit: number; offset: number } = {
      limit: this.limit,
      offset: this.offset,
    };
    if (this.counsellorId !== undefined) filter.counsellorId = this.counsellorId;
    if (this.agency !== undefined) filter.agency = this.agency;
    return filter;
  }
}
