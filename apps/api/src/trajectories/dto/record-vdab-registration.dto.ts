import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { RecordVdabRegistration } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export class RecordVdabRegistrationDto {
  @ApiProperty({ format: 'date', description: 'Date of the registration with VDAB (YYYY-MM-DD)' })
  @IsCalendarDate()
  registeredOn!: string;

  @ApiProperty({ maxLength: 100, description: "The newcomer's client reference at VDAB" })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(100)
  vdabClientReference!: string;

  toCommand(): RecordVdabRegistration {
    return {
      type: 'RecordVdabRegistration',
      registeredOn: this.registeredOn,
      vdabClientReference: this.vdabClientReference,
    };
  }
}
