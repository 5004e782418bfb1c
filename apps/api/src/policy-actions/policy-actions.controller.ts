import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  POLICY_ACTION_STATUSES,
  type PolicyActionGroupCount,
  type PolicyActionState,
} from '../../../../libs/domain/src/policy-plan';
import { Allow, CurrentPrincipal } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { ExportFormatQuery, ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { ChangePolicyActionStatusDto } from './dto/change-policy-action-status.dto';
import { ListPolicyActionsQuery } from './dto/list-policy-actions.query';
import { PolicyActionsService } from './policy-actions.service';

const ACTION_COLUMNS: (keyof PolicyActionState & string)[] = [
  'number',
  'strategicGoal',
  'operationalGoal',
  'title',
  'minister',
  'portfolio',
  'status',
  'explanation',
  'version',
  'statusChangedAt',
];

const ACTION_NUMBER = /^\d{1,2}\.\d{1,2}\.\d{1,3}$/;

/** The Horizontal Integration Policy Plan's actions (issue 9 §5): monitoring, status changes and their history. */
@ApiTags('policy-actions')
@Controller('policy-actions')
export class PolicyActionsController {
  constructor(private readonly actions: PolicyActionsService) {}

  @Get()
  @ListExport({ description: 'The actions', filename: 'policy-actions', columns: ACTION_COLUMNS })
  @Allow('policy-actions.read')
  @ApiOperation({
    summary: "The policy plan's actions, in SD.OD.n order; by minister, portfolio, status, goal",
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  async list(@Query() query: ListPolicyActionsQuery) {
    const items = await this.actions.list(query.toFilter());
    return { items, total: items.length };
  }

  @Get('by-minister')
  @ListExport({
    description: 'The report per minister and portfolio',
    filename: 'policy-actions-by-minister',
    columns: ['minister', 'portfolio', 'total', ...POLICY_ACTION_STATUSES],
    rows: (report: { items: PolicyActionGroupCount[] }) =>
      report.items.map(({ byStatus, ...group }) => ({ ...group, ...byStatus })),
  })
  @Allow('policy-actions.read')
  @ApiOperation({ summary: 'Per minister and portfolio: how many actions, and how many in each status' })
  async byMinister(@Query() _format: ExportFormatQuery) {
    return { items: await this.actions.byMinisterAndPortfolio() };
  }

  @Get('status-shares')
  @ListExport({
    description: 'The share of actions per status',
    filename: 'policy-action-status-shares',
    columns: ['status', 'count', 'share'],
    rows: (shares: { statuses: object[] }) => shares.statuses,
  })
  @Allow('policy-actions.read')
  @ApiOperation({ summary: 'The share of actions per status (count and share of the total)' })
  statusShares(@Query() _format: ExportFormatQuery) {
    return this.actions.statusShares();
  }

  @Get(':number')
  @ApiOkResponse({ description: 'The action' })
  @Allow('policy-actions.read')
  @ApiOperation({ summary: 'One action: its facts and current status' })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('number') number: string): Promise<PolicyActionState> {
    return this.actions.get(validNumber(number));
  }

  @Get(':number/history')
  @ListExport({
    description: "The action's status changes, oldest first",
    filename: 'policy-action-history',
    columns: [
      'version',
      'type',
      'occurredAt',
      'recordedAt',
      'actor',
      'actorRole',
      'actorOrganisation',
      'data',
    ],
  })
  @Allow('policy-actions.read')
  @ApiOperation({
    summary: "An action's events, oldest first: the import and every status change, with who and when",
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  async history(@Param('number') number: string, @Query() _format: ExportFormatQuery) {
    return { items: await this.actions.history(validNumber(number)) };
  }

  @Post(':number/status')
  @HttpCode(200)
  @Allow('policy-actions.change-status')
  @ApiOperation({
    summary: "Change an action's status",
    description:
      'An explanation is required for DELAYED, DROPPED and NOT_STARTED, and refused for the others.',
  })
  @ApiOkResponse({ description: 'The action with its new status and version' })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'An unknown status, or a missing explanation',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'The action already has this status and explanation' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'An explanation for a status that takes none',
  })
  changeStatus(
    @Param('number') number: string,
    @Body() body: ChangePolicyActionStatusDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<PolicyActionState> {
    return this.actions.changeStatus(validNumber(number), body, caller);
  }
}

function validNumber(number: string): string {
  if (!ACTION_NUMBER.test(number)) {
    throw badRequest([{ field: 'number', reason: 'number must be an action number SD.OD.n, e.g. 1.2.3' }]);
  }
  return number;
}
