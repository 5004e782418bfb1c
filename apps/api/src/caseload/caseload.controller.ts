import { Controller, Get, Headers, Logger, Query, Req, Res } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuditedByHandler, AuditedRequest } from '../access/audit.interceptor';
import { wantsCsv } from '../http/csv';
import { CaseloadExport, EXPORTS_AT_ONCE } from './caseload-export';
import { ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { CaseloadPage, CaseloadService, TrajectorySearchHit } from './caseload.service';
import { CaseloadQuery, WholeCaseloadQuery } from './dto/caseload.query';
import { TrajectorySearchQuery } from './dto/trajectory-search.query';
import { AUDIT_PURPOSE_HEADER, auditPurposeFrom } from '../access/audit-purpose';
import { badRequest } from '../http/validation-errors';
import {
  CASELOAD_CSV_COLUMNS,
  CaseloadPageResponse,
  TrajectorySearchResponse,
  WholeCaseloadResponse,
} from './views/caseload.view';
import { Allow, CallerScope } from '../access/access.decorators';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

@ApiTags('caseload')
@Controller('caseload')
export class CaseloadController {
  private readonly logger = new Logger(CaseloadController.name);

  constructor(
    private readonly caseload: CaseloadService,
    private readonly wholeCaseload: CaseloadExport,
  ) {}

  @Get()
  @Allow('caseload.list')
  @ApiOperation({
    summary: "A counsellor's or an agency's trajectories that are not closed, what needs attention first",
    description:
      'Give counsellorId, agency or both (both narrow the list together); attention and status narrow it further. ' +
      'Each case carries its attention group of today (Europe/Brussels); total counts the cases that pass the filters.',
  })
  @ListExport({
    type: CaseloadPageResponse,
    filename: 'caseload',
    columns: CASELOAD_CSV_COLUMNS,
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description:
      'A filter (agency, counsellorId, attention, status, limit, offset) is malformed, or neither counsellorId nor agency is given',
  })
  list(@Query() query: CaseloadQuery, @CallerScope() scope: ReadScope): Promise<CaseloadPage> {
    return this.caseload.list(query, scope);
  }

  @Get('export')
  @Allow('caseload.list')
  @AuditedByHandler()
  @ApiOperation({
    summary: 'A whole caseload in one answer, for a spreadsheet: the same filters and order as its pages',
    description:
      'Every case that passes the filters (what GET /caseload pages through), however many, read in one snapshot so ' +
      'that no case moves between pages while it is read, and sent as it is read. CSV with format=csv or Accept: ' +
      'text/csv. The audit trail records every trajectory in the answer before the first byte is sent.',
  })
  @ApiOkResponse({
    description: 'The whole caseload (JSON: total first, then the items in order), or the same as CSV',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(WholeCaseloadResponse) } },
      'text/csv': {
        schema: { type: 'string', description: 'RFC 4180, a header row and one row per case' },
        example: `${CASELOAD_CSV_COLUMNS.join(',')}\r\n`,
      },
    },
  })
  @ApiExtraModels(WholeCaseloadResponse)
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: `${EXPORTS_AT_ONCE} exports are running on this server: retry after the seconds Retry-After gives`,
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description:
      'A filter (agency, counsellorId, attention, status) is malformed, or neither counsellorId nor agency is given',
  })
  async whole(
    @Query() query: WholeCaseloadQuery,
    @CallerScope() scope: ReadScope,
    @Req() request: AuditedRequest & IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const format = wantsCsv(query.format, request.headers.accept) ? 'csv' : 'json';
    try {
      await this.wholeCaseload.write({ query, scope, format, request, response });
    } catch (error) {
      // Before the answer began, a failure is problem details as anywhere; after, it can only cut the answer short.
      if (!response.headersSent) throw error;
      this.logger.error(`the caseload export stopped: ${(error as Error).message}`);
      response.destroy();
    }
  }

  @Get('search')
  @Allow('trajectory.read')
  @ApiOperation({
    summary: 'Find a trajectory by name or national number, within what the caller may see',
    description:
      'Every role that reads trajectories may search its own scope; the answer names the person and the trajectory ' +
      'only, what every view shows. Searching a person is an access to personal data outside the list one works: X-Audit-Purpose (why) is required ' +
      'and recorded in the audit trail with the trajectories found.',
  })
  @ApiHeader({ name: AUDIT_PURPOSE_HEADER, required: true, description: 'Why the person is looked up' })
  @ListExport({
    type: TrajectorySearchResponse,
    filename: 'trajectory-search',
    columns: ['trajectoryId', 'givenName', 'familyName', 'status', 'agency'],
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'q is malformed, or no purpose is given' })
  search(
    @Query() query: TrajectorySearchQuery,
    @Headers() headers: IncomingHttpHeaders,
    @CallerScope() scope: ReadScope,
  ): Promise<{ items: TrajectorySearchHit[] }> {
    if (auditPurposeFrom(headers) === undefined) {
      throw badRequest([
        {
          field: AUDIT_PURPOSE_HEADER,
          reason: `${AUDIT_PURPOSE_HEADER} is required to search for a person: say why`,
        },
      ]);
    }
    return this.caseload.search(query.q, scope);
  }
}
