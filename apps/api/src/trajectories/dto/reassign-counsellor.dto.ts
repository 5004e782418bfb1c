import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { COUNSELLOR_ID, ReassignCounsellor } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** A team lead hands the case to another counsellor of the agency. */
export class ReassignCounsellorDto {
  @ApiProperty({
    pattern: COUNSELLOR_ID.source,
    description: "The counsellor who takes the case over; they must belong to an office of the case's agency",
  })
  @Matches(COUNSELLOR_ID, {
    message: 'toCounsellorId must be letters, digits, ".", "_", "@" or "-", at most 100',
  })
  toCounsellorId!: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Date of the reassignment (YYYY-MM-DD); default today',
  })
  @IsOptional()
  @IsCalendarDate()
  reassignedOn?: string;

  toCommand(): ReassignCounsellor {
    return {
      type: 'ReassignCounsellor',
      toCounsellorId: this.toCounsellorId,
      ...(this.reassignedOn === undefined ? {} : { reassignedOn: this.reassignedOn }),
    };
  }
}
