import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { RecordMove } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/**
 * The newcomer moved without the case changing agency: within its area, to Brussels (the obligation ends), or out
 * of Flanders and Brussels (the trajectory ends). A move into another agency's area is a transfer.
 */
export class RecordMoveDto {
  @ApiProperty({ format: 'date', description: 'Date of the move (YYYY-MM-DD)' })
  @IsCalendarDate()
  movedOn!: string;

  @ApiProperty({
    maxLength: 100,
    description: 'The new municipality (or place abroad), as the agency records it',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  municipality!: string;

  @ApiPropertyOptional({
    pattern: '^[1-9][0-9]{4}$',
    description: "The new municipality's NIS code (Statbel); required unless the move is abroad",
  })
  @ValidateIf((dto: RecordMoveDto) => dto.abroad !== true || dto.nisCode !== undefined)
  @Matches(/^[1-9][0-9]{4}$/, { message: 'nisCode must be a 5-digit NIS code (or set abroad)' })
  nisCode?: string;

  @ApiPropertyOptional({ description: 'true for a move abroad (then without nisCode)' })
  @IsOptional()
  @IsBoolean()
  abroad?: boolean;

  toCommand(): RecordMove {
    return {
      type: 'RecordMove',
      movedOn: this.movedOn,
      municipality: this.municipality,
      ...(this.nisCode === undefined ? {} : { nisCode: this.nisCode }),
      ...(this.abroad === undefined ? {} : { abroad: this.abroad }),
    };
  }
}
