import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImportView, ProblemRowView } from '../../../../libs/store/src';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../http/command-context';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { UploadImportQuery } from './dto/exchange.dto';
import { ExchangeAccess } from './exchange-access';
import { uuidParameter } from './exchange-routes';
import type { UploadAnswer } from './file-upload';
import { ApiProblemRows, problemRowsAnswer, ProblemRowsQuery, wantsJsonRows } from './problem-rows';
import { PROBLEM_COLUMNS, RegistrationProblemRowBody } from './registration-problem-rows';
import { RegistrationImportsService } from './registration-imports.service';
import { Allow } from '../access/access.decorators';

@ApiTags('partner exchange')
@Controller('registration-imports')
export class RegistrationImportsController {
  constructor(
    private readonly imports: RegistrationImportsService,
    private readonly access: ExchangeAccess,
  ) {}

  @Post()
  @Allow('registrations.submit')
  @HttpCode(202)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: 'Upload a bulk file of VDAB or Actiris registrations (streamed)',
    description:
      'CSV with a header row naming the documented columns nationalNumber, trajectoryId, registeredOn, office, ' +
      'partnerDossierId (";" or ",", UTF-8 with or without BOM, CRLF or LF, quoted fields), or JSON Lines with ' +
      'the same keys. Every row gets one outcome: LINKED, ALREADY_LINKED, CONFLICT, UNMATCHED or INVALID. The ' +
      'same file (same bytes from the same partner) uploaded again changes nothing: the answer names the first import.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({
    description: 'Staged; the import runs. Follow GET /registration-imports/{importId}',
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'The file or a parameter cannot be read' })
  upload(
    @Req() request: IncomingMessage,
    @Query() query: UploadImportQuery,
    @CommandHeaders() context: CommandContext,
  ): Promise<UploadAnswer> {
    this.access.assertMaySubmit(context, query.partner);
    return this.imports.upload(request, {
      partner: query.partner,
      ...(query.format ? { format: query.format } : {}),
      ...(query.fileName ? { fileName: query.fileName } : {}),
      uploadedBy: context.actor.subject,
    });
  }

  @Get(':importId')
  @Allow('registrations.submit')
  @ApiOperation({ summary: 'Progress of an import: rows done and total, and the count of each outcome' })
  @ApiOkResponse()
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  async find(
    @Param('importId', uuidParameter('importId')) importId: string,
    @CommandHeaders() context: CommandContext,
  ): Promise<ImportView & { problemsUrl: string }> {
    const found = await this.imports.find(importId);
    this.access.assertMayRead(context, found);
    return { ...found, problemsUrl: `/registration-imports/${importId}/problems` };
  }

  @Get(':importId/problems')
  @Allow('registrations.submit')
  // The answer's type is set by the format asked; the error answers stay problem details (401, 403, 404).
  @ApiProblemRows(RegistrationProblemRowBody)
  @ApiOperation({
    summary: 'Every CONFLICT, UNMATCHED and INVALID row of an import, in file order: CSV, or JSON on request',
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'importId is not a UUID, or format is unknown',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  async problems(
    @Param('importId', uuidParameter('importId')) importId: string,
    @Query() query: ProblemRowsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
    @CommandHeaders() context: CommandContext,
  ): Promise<string | { items: readonly ProblemRowView[] }> {
    this.access.assertMayRead(context, await this.imports.find(importId));
    return problemRowsAnswer(response, await this.imports.problemRows(importId), {
      columns: PROBLEM_COLUMNS,
      filename: `registration-import-${importId}-problems.csv`,
      json: wantsJsonRows(query.format, accept),
    });
  }
}
