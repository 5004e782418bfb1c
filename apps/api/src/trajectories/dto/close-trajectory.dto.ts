import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CloseTrajectory, CounsellorClosureReason, CLOSURE_REASONS } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export class CloseTrajectoryDto {
  @ApiProperty({ enum: CLOSURE_REASONS })
  @IsIn(CLOSURE_REASONS)
  reason!: CounsellorClosureReason;

  @ApiProperty({ format: 'date', description: 'Date the trajectory ends (YYYY-MM-DD)' })
  @IsCalendarDate()
  closedOn!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  explanation?: string;

  toCommand(): CloseTrajectory {
    return {
      type: 'CloseTrajectory',
      reason: this.reason,
      closedOn: this.closedOn,
      ...(this.explanation === undefined ? {} : { explanation: this.explanation }),
    };
  }
}
