import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Agency, AGENCY_CODES, TransferTrajectory } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/**
 * The newcomer moved into another agency's area (Atlas: Antwerpen; IN-Gent: Gent; the Agentschap Integratie en
 * Inburgering: the rest of Flanders and Brussels): that agency owns the trajectory from now on, history included.
 */
export class TransferTrajectoryDto {
  @ApiProperty({ enum: AGENCY_CODES, description: 'The agency that takes the trajectory over' })
  @IsIn(AGENCY_CODES)
  toAgency!: Agency;

  @ApiProperty({ format: 'date', description: 'Date of the transfer (YYYY-MM-DD)' })
  @IsCalendarDate()
  transferredOn!: string;

  @ApiProperty({ maxLength: 100, description: 'The new municipality of residence, as the agency records it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  municipality!: string;

  @ApiProperty({
    pattern: '^[1-9][0-9]{4}$',
    description: "The new municipality's NIS code (Statbel); it must lie in the receiving agency's area",
  })
  @Matches(/^[1-9][0-9]{4}$/, { message: 'nisCode must be a 5-digit NIS code' })
  nisCode!: string;

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
      municipality: this.municipality,
      nisCode: this.nisCode,
      ...(this.counsellorId === undefined ? {} : { counsellorId: this.counsellorId }),
    };
  }
}
