import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditFilter } from '../../../../libs/store/src/queries/audit-trail';
import { PageQuery } from '../http/paging';
import { IsCalendarDate } from '../validation/is-calendar-date';

/** The data-protection officer's view of the audit trail: by person, by user, by period; JSON or CSV. */
export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The person, by trajectory: "who looked at my file"' })
  @IsOptional()
  @IsUUID('all', { message: 'trajectoryId must be a UUID' })
  trajectoryId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'The user or system (token subject)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ format: 'date', description: 'From this day (Europe/Brussels), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Up to this day (Europe/Brussels), inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  toFilter(): AuditFilter {
    return {
      limit: this.limit,
      offset: this.offset,
      ...(this.trajectoryId === undefined ? {} : { trajectoryId: this.trajectoryId }),
      ...(this.actor === undefined ? {} : { actor: this.actor }),
      ...(this.from === undefined ? {} : { from: this.from }),
      ...(this.to === undefined ? {} : { to: this.to }),
    };
  }
}
