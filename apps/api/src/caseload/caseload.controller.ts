import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationErrorBody } from '../http/error-bodies';
import { CaseloadPage, CaseloadService } from './caseload.service';
import { CaseloadQuery } from './dto/caseload.query';
import { CaseloadPageResponse } from './views/caseload.view';
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
    description: 'Give counsellorId, agency or both (both narrow the list together).',
  })
  @ApiOkResponse({ type: CaseloadPageResponse })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'A filter is malformed, or neither counsellorId nor agency is given',
  })
  list(@Query() query: CaseloadQuery, @CallerScope() scope: ReadScope): Promise<CaseloadPage> {
    return this.caseload.list(query, scope);
  }
}
