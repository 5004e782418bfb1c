import { Controller, Get, Headers, Query } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { CaseloadPage, CaseloadService, TrajectorySearchHit, WHOLE_CASELOAD_MAX } from './caseload.service';
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
import type { CaseloadEntry } from '../../../../libs/store/src/read-models.types';
import { Allow, CallerScope } from '../access/access.decorators';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';

@ApiTags('caseload')
@Controller('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

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
  @ApiOperation({
    summary: 'A whole caseload in one answer, for a spreadsheet: the same filters and order as its pages',
    description:
      'Every case that passes the filters (what GET /caseload pages through), read in one statement so that no ' +
      `case moves between pages while it is read; at most ${WHOLE_CASELOAD_MAX} cases (else 422). CSV with ` +
      'format=csv or Accept: text/csv. The audit trail records every trajectory in the answer.',
  })
  @ListExport({
    type: WholeCaseloadResponse,
    filename: 'caseload',
    columns: CASELOAD_CSV_COLUMNS,
  })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description:
      'A filter (agency, counsellorId, attention, status) is malformed, or neither counsellorId nor agency is given',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: `The caseload holds more than ${WHOLE_CASELOAD_MAX} cases: narrow the filters`,
  })
  whole(
    @Query() query: WholeCaseloadQuery,
    @CallerScope() scope: ReadScope,
  ): Promise<{ items: CaseloadEntry[]; total: number }> {
    return this.caseload.whole(query, scope);
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
