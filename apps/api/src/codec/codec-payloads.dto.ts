import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** Temporal's payload in its JSON form: metadata values and data in base64 (the codec server protocol). */
export class JsonPayload {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' },
  })
  @IsObject()
  metadata!: Record<string, string>;

  @ApiPropertyOptional({ type: 'string', format: 'byte' })
  @IsOptional()
  @IsBase64()
  data?: string;
}

export class CodecPayloadsDto {
  @ApiProperty({ type: JsonPayload, isArray: true })
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => JsonPayload)
  payloads!: JsonPayload[];
}
