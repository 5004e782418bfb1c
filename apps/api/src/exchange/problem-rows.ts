import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { asCsvDownload, toCsv } from '../http/csv';

const ROW_REPORT_FORMATS = ['csv', 'json'] as const;
type RowReportFormat = (typeof ROW_REPORT_FORMATS)[number];

/**
 * `format` of an import's problem rows: CSV by default (what a partner's system reads back and corrects), JSON for
 * a reader that words each problem in its own language from the problem's key.
 */
export class ProblemRowsQuery {
  @ApiPropertyOptional({
    enum: ROW_REPORT_FORMATS,
    description:
      'csv (the default) or json; without it, an Accept header naming application/json and not text/csv asks JSON',
  })
  @IsOptional()
  @IsIn(ROW_REPORT_FORMATS)
  format?: RowReportFormat;
}

/** One problem of a row, as the JSON report lists it. */
export class RowProblemBody {
  @ApiProperty({ example: 'registeredOn' })
  field!: string;

  @ApiProperty({ description: 'Why, in English', example: 'must be a date as YYYY-MM-DD' })
  reason!: string;

  @ApiPropertyOptional({
    description:
      "Which wording: a row problem's key (ROW_PROBLEM_REASONS) or, for a row the trajectory refused, the command's " +
      'rejection reason. Absent where the API words the problem itself (a field of POST /trajectories) or the ' +
      "text is the reconciliation queue's.",
    example: 'FIELD_NOT_A_DATE',
  })
  key?: string;

  @ApiPropertyOptional({
    description: 'The wording’s parameters: dates as YYYY-MM-DD, numbers, codes; never personal data',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  })
  params?: Record<string, string | number>;
}

/** Whether the report is asked as JSON: `format=json`, or else an Accept header naming JSON and not CSV. */
export function wantsJsonRows(format: RowReportFormat | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'json';
  const header = accept ?? '';
  return /(^|,)\s*application\/json\s*(;|,|$)/i.test(header) && !/(^|,)\s*text\/csv\s*(;|,|$)/i.test(header);
}

/**
 * An import's problem rows in the format asked: CSV under `columns`, or JSON (`{ items }`) with each row's problems,
 * their keys and parameters.
 */
export function problemRowsAnswer<Row extends object>(
  response: { setHeader(name: string, value: string): void },
  rows: readonly Row[],
  options: { columns: readonly (keyof Row & string)[]; filename: string; json: boolean },
): string | { items: readonly Row[] } {
  if (options.json) {
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    return { items: rows };
  }
  asCsvDownload(response, options.filename);
  return toCsv(options.columns, rows);
}

/** The columns every import's problem row has, besides its own. */
export class ProblemRowBody {
  @ApiProperty({ description: 'The row in the file, counting from 1 after the header' })
  rowNumber!: number;

  @ApiProperty({ description: "The row's outcome" })
  outcome!: string;

  @ApiProperty({ description: 'The fields at fault, separated by spaces' })
  fields!: string;

  @ApiProperty({ description: 'Why, in English: the problems separated by "; "' })
  reason!: string;

  @ApiProperty({ type: [RowProblemBody] })
  problems!: RowProblemBody[];
}

/**
 * A problem row of a partner's file: the national number it gave and the trajectory it matched, the row's other
 * received values following under the file's own columns.
 */
export class PartnerProblemRowBody extends ProblemRowBody {
  @ApiProperty({ enum: ['CONFLICT', 'UNMATCHED', 'INVALID'] })
  declare outcome: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  nationalNumber!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  trajectoryId!: string | null;
}

/** Documents both answers of a problem-rows route, its JSON rows of `rowType`. */
export function ApiProblemRows(rowType: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(rowType),
    ApiOkResponse({
      description: 'Every problem row in file order: CSV with a header row, or JSON with each problem keyed',
      content: {
        'text/csv': {
          schema: { type: 'string', description: 'RFC 4180, a header row and one row per problem row' },
        },
        'application/json': {
          schema: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(rowType) } } },
          },
        },
      },
    }),
  );
}
