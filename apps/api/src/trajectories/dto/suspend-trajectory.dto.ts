import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SuspendTrajectory, SuspensionReason, SUSPENSION_REASONS } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/** Suspension (opschorting): the trajectory pauses and its running deadlines stop until it is resumed. */
export class SuspendTrajectoryDto {
  @ApiProperty({ enum: SUSPENSION_REASONS })
  @IsIn(SUSPENSION_REASONS)
  reason!: SuspensionReason;

  @ApiProperty({ format: 'date', description: 'First day of the suspension (YYYY-MM-DD); not in the future' })
  @IsCalendarDate()
  suspendedFrom!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  explanation?: string;

  toCommand(): SuspendTrajectory {
    return {
      type: 'SuspendTrajectory',
      reason: this.reason,
      suspendedFrom: this.suspendedFrom,
      ...(this.explanation === undefined ? {} : { explanation: this.explanation }),
    };
  }
}
