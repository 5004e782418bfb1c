import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ExportFormatQuery } from '../../http/csv-export';

/** A search by name or national number: at least two characters, no more than a full name needs. */
export class TrajectorySearchQuery extends ExportFormatQuery {
  @ApiProperty({
    minLength: 2,
    maxLength: 100,
    description:
      'Part of the given and family name (in either order), or a national number (11 digits; dots, dashes and spaces are ignored)',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  @Matches(/\S/, { message: 'q must not be blank' })
  q!: string;
}
