import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { COUNSELLOR_ID } from '../../../../../libs/domain/src';
import { OFFICE_ID, OFFICE_ID_RULE } from '../office-ids';

/** The body of `PUT /offices/:officeId`: the office's name (unique within the agency). */
export class DefineOfficeDto {
  @ApiProperty({ maxLength: 100, example: 'Gent Centrum' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class OfficeParams {
  @ApiProperty({ pattern: OFFICE_ID.source, description: OFFICE_ID_RULE })
  @Matches(OFFICE_ID, { message: `officeId must be ${OFFICE_ID_RULE}` })
  officeId!: string;
}

export class OfficeCounsellorParams extends OfficeParams {
  @ApiProperty({
    pattern: COUNSELLOR_ID.source,
    description: "The counsellor's account (the token's subject)",
  })
  @Matches(COUNSELLOR_ID, {
    message: 'counsellorId must be letters, digits, ".", "_", "@" or "-", at most 100',
  })
  counsellorId!: string;
}

export class OfficeResponse {
  @ApiProperty()
  officeId!: string;
  @ApiProperty()
  agency!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: [String] })
  counsellorIds!: string[];
}

export class OfficeListResponse {
  @ApiProperty({ type: [OfficeResponse] })
  items!: OfficeResponse[];
}
