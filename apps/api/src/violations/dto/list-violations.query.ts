import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Agency, AGENCY_CODES, ViolationKind, ViolationState } from '../../../../../libs/domain/src';
import type { ViolationFilter } from '../../../../../libs/store/src/read-models.types';
import { VIOLATION_KINDS, VIOLATION_STATES } from '../../http/domain-enums';
import { PageQuery } from '../../http/paging';

/** Which violation files the enforcement officer (or a manager) wants to see, one page at a time. */
export class ListViolationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VIOLATION_STATES, description: 'OPEN: the files waiting for a decision' })
  @IsOptional()
  @IsIn(VIOLATION_STATES)
  state?: ViolationState;

  @ApiPropertyOptional({ enum: VIOLATION_KINDS })
  @IsOptional()
  @IsIn(VIOLATION_KINDS)
  kind?: ViolationKind;

  @ApiPropertyOptional({ enum: AGENCY_CODES, description: 'The agency that owns the trajectory now' })
  @IsOptional()
  @IsIn(AGENCY_CODES)
  agency?: Agency;

  toFilter(): ViolationFilter & { limit: number; offset: number } {
    const filter: ViolationFilter & { limit: number; offset: number } = {
      limit: this.limit,
      offset: this.offset,
    };
    if (this.state !== undefined) filter.state = this.state;
    if (this.kind !== undefined) filter.kind = this.kind;
    if (this.agency !== undefined) filter.agency = this.agency;
    return filter;
  }
}
