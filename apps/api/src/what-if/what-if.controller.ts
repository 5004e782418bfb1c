import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WHAT_IF_LIMITS } from '../../../../libs/domain/src/what-if';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope } from '../access/access.decorators';
import { ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { WhatIfRequestDto } from './dto/what-if-request.dto';
import { WhatIfAnswer, WhatIfService } from './what-if.service';

@ApiTags('what-if')
@Controller('what-if')
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Post()
  @HttpCode(200)
  @Allow('what-if.run')
  @ApiOperation({
    summary: 'What would have happened under other rules: baseline against scenario, per agency',
    description:
      "Replays the recorded trajectories of the period (in the caller's agency) under the changed parameters — a " +
      "VDAB window, participation hours — with the domain's own rules, and counts deadlines missed, violation " +
      'files and attests for both. Nothing is written.',
  })
  @ApiOkResponse({ description: 'Baseline and scenario counts per agency' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  run(@Body() body: WhatIfRequestDto, @CallerScope() scope: ReadScope): Promise<WhatIfAnswer> {
    if (body.changes.vdabRegistration === undefined && body.changes.participationHours === undefined) {
      throw badRequest([{ field: 'changes', reason: 'changes must change at least one parameter' }]);
    }
    const window = body.changes.vdabRegistration;
    if (window?.unit === 'MONTHS' && window.amount > WHAT_IF_LIMITS.vdabMonths.max) {
      throw badRequest([
        { field: 'changes.vdabRegistration.amount', reason: 'amount must not be greater than 24 months' },
      ]);
    }
    return this.whatIf.run(
      body.from,
      body.to,
      body.toOverride(),
      scope,
      body.counsellorId === undefined ? {} : { counsellorId: body.counsellorId },
    );
  }
}
