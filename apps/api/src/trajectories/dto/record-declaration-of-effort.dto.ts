import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RecordDeclarationOfEffort } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

/**
 * The declaration of effort (verklaring van geleverde inspanning), instead of the attest: limited learning
 * capacity makes the objectives impossible. It ends the trajectory; no follow-up track follows.
 */
export class RecordDeclarationOfEffortDto {
  @ApiProperty({
    format: 'date',
    description: 'Date of the declaration (YYYY-MM-DD); not before the contract',
  })
  @IsCalendarDate()
  issuedOn!: string;

  @ApiProperty({ maxLength: 2000, description: 'Why the objectives are impossible to reach' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  toCommand(): RecordDeclarationOfEffort {
    return { type: 'RecordDeclarationOfEffort', issuedOn: this.issuedOn, reason: this.reason };
  }
}
