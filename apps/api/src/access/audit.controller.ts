import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail, RecordedAccess } from '../../../../libs/store/src/queries/audit-trail';
import { ListExport } from '../http/csv-export';
import { ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { Allow } from './access.decorators';
import { AuditQuery } from './audit.query';

const CSV_COLUMNS: (keyof RecordedAccess)[] = [
  'id',
  'occurredAt',
  'actor',
  'actorRole',
  'actorOrganisation',
  'action',
  'method',
  'resource',
  'trajectoryIds',
  'purpose',
  'outsideCaseload',
  'status',
  'correlationId',
];

/** The audit trail of personal-data access, for the data-protection officer only (access-policy.ts). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @Allow('audit.read')
  @ApiOperation({
    summary: 'Who accessed which personal data, when and why: by person (trajectoryId), user (actor), period',
    description: 'The oldest first. format=csv answers a CSV export of the same page.',
  })
  @ListExport({ description: 'The entries with the total', filename: 'audit', columns: CSV_COLUMNS })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  async list(@Query() query: AuditQuery): Promise<unknown> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw badRequest([{ field: 'to', reason: 'to must not be before from' }]);
    }
    const page = await this.trail.list(query.toFilter());
    return { ...page, limit: query.limit, offset: query.offset };
  }
}
