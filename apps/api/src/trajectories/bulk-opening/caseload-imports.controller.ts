import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseloadImportView, CaseloadProblemRow } from '../../../../../libs/store/src';
import { Allow } from '../../access/access.decorators';
import { PartnerFileQuery } from '../../exchange/dto/partner-records.dto';
import { uuidParameter } from '../../exchange/exchange-routes';
import type { UploadAnswer } from '../../exchange/file-upload';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../../http/command-context';
import { ErrorBody, ValidationErrorBody } from '../../http/error-bodies';
import { CASELOAD_COLUMNS } from './caseload-row';
import {
  ApiProblemRows,
  ProblemRowBody,
  problemRowsAnswer,
  ProblemRowsQuery,
  wantsJsonRows,
} from '../../exchange/problem-rows';
import { CASELOAD_PROBLEM_COLUMNS, CaseloadImportsService } from './caseload-imports.service';

/** A problem row of a caseload file: its trajectory, when the row named one. */
class CaseloadProblemRowBody extends ProblemRowBody {
  @ApiProperty({ enum: ['INVALID', 'REFUSED', 'CONFLICT'] })
  declare outcome: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  trajectoryId!: string | null;
}

/**
 * Bulk opening through the API: an agency that moves onto the system uploads its open caseload (or a burst of
 * intakes) as one file; the rows are opened in the background by a durable workflow, with every rule of
 * `POST /trajectories`, and each row gets one outcome.
 */
@ApiTags('trajectories')
@Controller('caseload-imports')
export class CaseloadImportsController {
  constructor(private readonly imports: CaseloadImportsService) {}

  @Post()
  @Allow('caseload.import')
  @HttpCode(202)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: "Upload the agency's caseload file: one trajectory per row (streamed)",
    description:
      `CSV with a header naming the columns ${CASELOAD_COLUMNS.join(', ')} (targetGroupFacts as a JSON object ` +
      'in one field; ";" or ",", UTF-8 with or without BOM, CRLF or LF, quoted fields), or JSON Lines with the ' +
      "fields of POST /trajectories and an optional dossierId. The caller's agency opens every row. Each row gets " +
      'one outcome: OPENED, ALREADY_OPENED (the same dossier, or the same newcomer without a dossier, was opened ' +
      "before: nothing is written), INVALID (field and reason), REFUSED (e.g. the newcomer's active trajectory) or " +
      'CONFLICT. The same file uploaded again changes nothing: the answer names the first import. The ' +
      "trajectories' workflows start from their streams in the background, nearest deadline first.",
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ description: 'Staged; the opening runs. Follow GET /caseload-imports/{id}' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  upload(
    @Req() request: IncomingMessage,
    @Query() query: PartnerFileQuery,
    @CommandHeaders() context: CommandContext,
  ): Promise<UploadAnswer> {
    return this.imports.upload(request, query, context);
  }

  @Get(':importId')
  @Allow('caseload.import')
  @ApiOperation({ summary: 'Progress of a caseload file: rows done and total, the count of each outcome' })
  @ApiOkResponse({ description: "The import's progress and outcome counts" })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such import of your agency's" })
  async find(
    @Param('importId', uuidParameter('importId')) importId: string,
    @CommandHeaders() context: CommandContext,
  ): Promise<CaseloadImportView & { problemsUrl: string }> {
    const found = await this.imports.find(importId, context);
    return { ...found, problemsUrl: `/caseload-imports/${importId}/problems` };
  }

  @Get(':importId/problems')
  @Allow('caseload.import')
  // The answer's type is set by the format asked; the error answers stay problem details (401, 403, 404).
  @ApiProblemRows(CaseloadProblemRowBody)
  @ApiOperation({
    summary:
      'Every INVALID, REFUSED and CONFLICT row of a caseload file in file order (field and reason): CSV, or JSON on request',
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'importId is not a UUID, or format is unknown',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such import of your agency's" })
  async problems(
    @Param('importId', uuidParameter('importId')) importId: string,
    @Query() query: ProblemRowsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
    @CommandHeaders() context: CommandContext,
  ): Promise<string | { items: readonly CaseloadProblemRow[] }> {
    return problemRowsAnswer(response, await this.imports.problemRows(importId, context), {
      columns: CASELOAD_PROBLEM_COLUMNS,
      filename: `caseload-import-${importId}-problems.csv`,
      json: wantsJsonRows(query.format, accept),
    });
  }
}
