import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { map, Observable } from 'rxjs';
import { asCsvDownload, toCsv, wantsCsv } from './csv';

const EXPORT_FORMATS = ['json', 'csv'] as const;
const CSV_EXPORT = 'inburgering:csv-export';

/** `format` of a list route: json (the default) or csv; without it, an Accept header naming text/csv asks CSV. */
export class ExportFormatQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'csv (or Accept: text/csv) answers the same list as CSV',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

interface CsvExport {
  filename: string;
  columns: readonly string[];
  /** The CSV's rows from the JSON answer; default its `items` (or the answer, when it is an array). */
  rows?: (answer: never) => readonly object[];
}

/**
 * A list route that answers its JSON as CSV on request (`format=csv` or `Accept: text/csv`): the same query, the
 * same scope, one row per item under `columns`. Documents both media types of the 200 answer.
 */
export function ListExport(
  options: CsvExport & { type?: Type<unknown>; isArray?: boolean; description?: string },
): MethodDecorator {
  const { type, isArray, description, ...csv } = options;
  const json = type === undefined ? { type: 'object' } : { $ref: getSchemaPath(type) };
  return applyDecorators(
    SetMetadata(CSV_EXPORT, csv),
    ...(type === undefined ? [] : [ApiExtraModels(type)]),
    ApiOkResponse({
      description: description ?? 'The list (JSON), or the same list as CSV',
      content: {
        'application/json': { schema: isArray ? { type: 'array', items: json } : json },
        'text/csv': {
          schema: { type: 'string', description: 'RFC 4180, a header row and one row per item' },
          example: `${csv.columns.join(',')}\r\n`,
        },
      },
    }),
  );
}

/**
 * Turns a list route's answer into CSV when asked. It is global and registered before the audit interceptor, so
 * the audit still reads the answer's trajectories before it becomes text.
 */
@Injectable()
export class CsvExportInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const csv = this.reflector.get<CsvExport | undefined>(CSV_EXPORT, context.getHandler());
    if (csv === undefined || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{
      query?: Record<string, unknown>;
      headers: Record<string, string | string[] | undefined>;
    }>();
    // The route's query (ExportFormatQuery) has refused any other format by now.
    if (!wantsCsv(request.query?.format, request.headers.accept)) return next.handle();
    const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
    return next.handle().pipe(
      map((answer: unknown) => {
        asCsvDownload(response, `${csv.filename}.csv`);
        return toCsv<Record<string, unknown>>(csv.columns, rowsOf(csv, answer) as Record<string, unknown>[]);
      }),
    );
  }
}

function rowsOf(csv: CsvExport, answer: unknown): readonly object[] {
  if (csv.rows) return csv.rows(answer as never);
  if (Array.isArray(answer)) return answer as object[];
  const items = (answer as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as object[]) : [];
}
