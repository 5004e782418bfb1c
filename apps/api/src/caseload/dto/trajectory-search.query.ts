import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ExportFormatQuery } from '../../http/csv-export';

/** A search by name or national number: at least two characters, no more than a full name needs. */
export class TrajectorySearchQuery extends ExportFormatQuery {
  @ApiProperty({
    minLength: 2,
    maxLength: 100,
    description:
      'The start of the name: of the family name, "family given" or "given family" (case, accents and separators ' +
      'ignored; open trajectories first, then family-name matches before given-name ones), or a national number ' +
      '(11 digits; dots, dashes and spaces are ignored)',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  @Matches(/\S/, { message: 'q must not be blank' })
  q!: string;
}
