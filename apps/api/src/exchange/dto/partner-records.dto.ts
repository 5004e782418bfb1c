import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ImportFormat } from '../../../../../libs/store/src';
import { IMPORT_FORMATS } from './exchange.dto';

/** The query of a municipality's or test centre's file upload. */
export class PartnerFileQuery {
  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    description:
      'Defaults from the Content-Type: text/csv is CSV, application/x-ndjson or application/jsonl is JSONL',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormat;

  @ApiPropertyOptional({ description: 'The file name, for the report' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
