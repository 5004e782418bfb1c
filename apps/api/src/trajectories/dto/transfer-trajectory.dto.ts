import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Agency, AGENCY_CODES, TransferTrajectory } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** The newcomer moved to another agency's area: that agency owns the trajectory from now on, history included. */
export class TransferTrajectoryDto {
  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that takes the trajectory over' })
  @IsIn(AGENCY_CODES)
  toAgency!: Agency;

  @ApiProperty({ format: 'date', description: 'Date of the transfer (YYYY-MM-DD)' })
  @IsCalendarDate()
  transferredOn!: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'The counsellor at the new agency who follows the trajectory',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  counsellorId?: string;

  toCommand(): TransferTrajectory {
    return {
      type: 'TransferTrajectory',
      toAgency: this.toAgency,
      transferredOn: this.transferredOn,
      ...(this.counsellorId === undefined ? {} : { counsellorId: this.counsellorId }),
    };
  }
}
