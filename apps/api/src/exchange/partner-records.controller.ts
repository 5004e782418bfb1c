import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  COURSE_RECORD_COLUMNS,
  COURSE_RECORD_KINDS,
  PARTICIPATION_ACTIVITY_COLUMNS,
  PartnerFileKind,
} from '../../../../libs/domain/src';
import type { PartnerImportView } from '../../../../libs/store/src';
import { Allow } from '../access/access.decorators';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../http/command-context';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { PartnerFileQuery } from './dto/partner-records.dto';
import { uuidParameter } from './exchange-routes';
import { PartnerRecordAnswer, PartnerRecordsService } from './partner-records.service';
import {
  ApiProblemRows,
  PartnerProblemRowBody,
  problemRowsAnswer,
  ProblemRowsQuery,
  wantsJsonRows,
} from './problem-rows';
import type { UploadAnswer } from './file-upload';

const FILE_FORMAT =
  '";" or ",", UTF-8 with or without BOM, CRLF or LF, fields quoted with " when they hold separators; or JSON ' +
  'Lines with the same keys. Every row gets one outcome: APPLIED, ALREADY_APPLIED (same data recorded before: no ' +
  'event), CONFLICT, UNMATCHED (no open trajectory within your scope) or INVALID (row, field, reason). The same ' +
  'file uploaded again changes nothing: the answer names the first import.';

/**
 * The municipalities' and test centres' side of the exchange (issue 8 §3): their records by national number,
 * singly and as files. A municipality reaches only newcomers living in it, a test centre only learners referred
 * to or enrolled with it (the access policy's scopes, applied in SQL when matching).
 */
@ApiTags('partner exchange')
@Controller()
export class PartnerRecordsController {
  constructor(private readonly records: PartnerRecordsService) {}

  @Post('participation-activities')
  @Allow('participation.submit')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: "A municipality's participation activity for a newcomer living in it, by national number",
    description:
      `Fields: ${PARTICIPATION_ACTIVITY_COLUMNS.join(', ')}. The answer is APPLIED or ALREADY_APPLIED (the same ` +
      'activity with the same data was logged before: no event); 404 when no open trajectory of a resident has ' +
      'this national number; 409 when the same activity was logged with other data or the pillar does not apply.',
  })
  @ApiBody({ schema: { type: 'object' } })
  @ApiOkResponse()
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  logActivity(
    @Body() body: unknown,
    @CommandHeaders() context: CommandContext,
  ): Promise<PartnerRecordAnswer> {
    return this.records.record('PARTICIPATION_ACTIVITIES', body, context);
  }

  @Post('course-records')
  @Allow('courses.submit')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({
    summary:
      "A test centre's enrolment, attendance or test result for a learner referred to it, by national number",
    description:
      `Fields: ${COURSE_RECORD_COLUMNS.join(', ')}; record is one of ${COURSE_RECORD_KINDS.join(', ')}. A pass ` +
      'needs its certificateNumber, a fail has none. The provider is the caller. Outcomes as for activities.',
  })
  @ApiBody({ schema: { type: 'object' } })
  @ApiOkResponse()
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  recordCourse(
    @Body() body: unknown,
    @CommandHeaders() context: CommandContext,
  ): Promise<PartnerRecordAnswer> {
    return this.records.record('COURSE_RECORDS', body, context);
  }

  @Post('participation-activity-imports')
  @Allow('participation.submit')
  @HttpCode(202)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: "Upload a municipality's file of participation activities (streamed)",
    description: `CSV with a header naming the columns ${PARTICIPATION_ACTIVITY_COLUMNS.join(', ')}; ${FILE_FORMAT}`,
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({
    description: 'Staged; the import runs. Follow GET /participation-activity-imports/{id}',
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  uploadActivities(
    @Req() request: IncomingMessage,
    @Query() query: PartnerFileQuery,
    @CommandHeaders() context: CommandContext,
  ): Promise<UploadAnswer> {
    return this.records.upload('PARTICIPATION_ACTIVITIES', request, query, context);
  }

  @Post('course-record-imports')
  @Allow('courses.submit')
  @HttpCode(202)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: "Upload a test centre's file of enrolments, attendance and test results (streamed)",
    description: `CSV with a header naming the columns ${COURSE_RECORD_COLUMNS.join(', ')}; ${FILE_FORMAT}`,
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ description: 'Staged; the import runs. Follow GET /course-record-imports/{id}' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  uploadCourseRecords(
    @Req() request: IncomingMessage,
    @Query() query: PartnerFileQuery,
    @CommandHeaders() context: CommandContext,
  ): Promise<UploadAnswer> {
    return this.records.upload('COURSE_RECORDS', request, query, context);
  }

  @Get('participation-activity-imports/:importId')
  @ApiOkResponse({ description: "The import's progress and outcome counts" })
  @Allow('participation.submit')
  @ApiOperation({ summary: 'Progress of an activity file: rows done and total, the count of each outcome' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  async findActivities(
    @Param('importId', uuidParameter('importId')) importId: string,
    @CommandHeaders() context: CommandContext,
  ): Promise<PartnerImportView & { problemsUrl: string }> {
    const found = await this.records.find('PARTICIPATION_ACTIVITIES', importId, context);
    return { ...found, problemsUrl: `/participation-activity-imports/${importId}/problems` };
  }

  @Get('course-record-imports/:importId')
  @ApiOkResponse({ description: "The import's progress and outcome counts" })
  @Allow('courses.submit')
  @ApiOperation({
    summary: 'Progress of a course-record file: rows done and total, the count of each outcome',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  async findCourseRecords(
    @Param('importId', uuidParameter('importId')) importId: string,
    @CommandHeaders() context: CommandContext,
  ): Promise<PartnerImportView & { problemsUrl: string }> {
    const found = await this.records.find('COURSE_RECORDS', importId, context);
    return { ...found, problemsUrl: `/course-record-imports/${importId}/problems` };
  }

  @Get('participation-activity-imports/:importId/problems')
  @Allow('participation.submit')
  // The answer's type is set by the format asked; the error answers stay problem details (401, 403, 404).
  @ApiProblemRows(PartnerProblemRowBody)
  @ApiOperation({
    summary:
      'Every CONFLICT, UNMATCHED and INVALID row of an activity file, in file order: CSV, or JSON on request',
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'importId is not a UUID, or format is unknown',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  activityProblems(
    @Param('importId', uuidParameter('importId')) importId: string,
    @Query() query: ProblemRowsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
    @CommandHeaders() context: CommandContext,
  ): Promise<string | { items: readonly Record<string, unknown>[] }> {
    return this.problems('PARTICIPATION_ACTIVITIES', importId, { query, accept, response, context });
  }

  @Get('course-record-imports/:importId/problems')
  @Allow('courses.submit')
  @ApiProblemRows(PartnerProblemRowBody)
  @ApiOperation({
    summary:
      'Every CONFLICT, UNMATCHED and INVALID row of a course-record file, in file order: CSV, or JSON on request',
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'importId is not a UUID, or format is unknown',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such import of yours' })
  courseRecordProblems(
    @Param('importId', uuidParameter('importId')) importId: string,
    @Query() query: ProblemRowsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
    @CommandHeaders() context: CommandContext,
  ): Promise<string | { items: readonly Record<string, unknown>[] }> {
    return this.problems('COURSE_RECORDS', importId, { query, accept, response, context });
  }

  private async problems(
    kind: PartnerFileKind,
    importId: string,
    asked: {
      query: ProblemRowsQuery;
      accept: string | undefined;
      response: ServerResponse;
      context: CommandContext;
    },
  ): Promise<string | { items: readonly Record<string, unknown>[] }> {
    const { columns, rows } = await this.records.problemRows(kind, importId, asked.context);
    return problemRowsAnswer(asked.response, rows, {
      columns,
      filename: `${kind === 'COURSE_RECORDS' ? 'course-record' : 'participation-activity'}-import-${importId}-problems.csv`,
      json: wantsJsonRows(asked.query.format, asked.accept),
    });
  }
}
