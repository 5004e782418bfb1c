import { ApiProperty } from '@nestjs/swagger';
import { RecordContract } from '../../../../../libs/domain/src';
import { IsCalendarDate } from '../../validation/is-calendar-date';

export class RecordContractDto {
  @ApiProperty({
    format: 'date',
    description: 'Date the integration contract was signed (YYYY-MM-DD); it fixes the policy version',
  })
  @IsCalendarDate()
  signedOn!: string;

  toCommand(): RecordContract {
    return { type: 'RecordContract', signedOn: this.signedOn };
  }
}
