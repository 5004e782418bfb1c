import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { ReconciliationItemView } from '../../../../libs/store/src';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../http/command-context';
import { ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import {
  DismissReconciliationDto,
  LinkReconciliationDto,
  ListReconciliationQuery,
  PartnerRegistrationDto,
} from './dto/exchange.dto';
import { ExchangeAccess } from './exchange-access';
import { assertUuid } from './exchange-routes';
import { RegistrationAnswer, RegistrationsService } from './registrations.service';
import { Allow, CurrentPrincipal } from '../access/access.decorators';
import { AccessService } from '../access/access.service';
import type { Principal } from '../access/principal';

@ApiTags('partner exchange')
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly access: ExchangeAccess,
    private readonly trajectoryAccess: AccessService,
  ) {}

  @Post('registrations')
  @Allow('registrations.submit')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({
    summary: 'One registration by a partner system (VDAB, Actiris)',
    description:
      "Matched on the national number to the newcomer's open trajectory (or on the trajectory id) and recorded " +
      'through the trajectory. The answer is the outcome; CONFLICT and UNMATCHED go to the reconciliation queue.',
  })
  @ApiBody({ type: PartnerRegistrationDto })
  @ApiOkResponse()
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  register(@Body() body: unknown, @CommandHeaders() context: CommandContext): Promise<RegistrationAnswer> {
    const { partner } = this.registrations.validate(body);
    this.access.assertMaySubmit(context, partner);
    return this.registrations.register(body, context);
  }

  @Get('reconciliation')
  @Allow('reconciliation.work')
  @ApiOperation({
    summary: 'The reconciliation queue: conflicting and unmatched partner registrations, the oldest first',
    description:
      "AUTO_LINKED items were matched when the newcomer's trajectory opened later; the item says to which trajectory.",
  })
  @ListExport({
    filename: 'reconciliation',
    columns: [
      'itemId',
      'state',
      'partner',
      'kind',
      'reason',
      'nationalNumber',
      'trajectoryId',
      'agency',
      'registeredOn',
      'office',
      'partnerDossierId',
      'importId',
      'rowNumber',
      'resolvedTrajectoryId',
      'resolvedBy',
      'resolution',
      'resolvedAt',
      'createdAt',
    ],
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  async list(
    @Query() query: ListReconciliationQuery,
    @CommandHeaders() context: CommandContext,
  ): Promise<{ items: ReconciliationItemView[]; total: number; limit: number; offset: number }> {
    const page = await this.registrations.list({
      ...this.access.reconciliationScope(context, query.agency),
      ...(query.state ? { state: query.state } : {}),
      ...(query.importId ? { importId: query.importId } : {}),
      ...(query.partnerDossierId ? { partnerDossierId: query.partnerDossierId } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return { ...page, limit: query.limit, offset: query.offset };
  }

  @Post('reconciliation/:itemId/link')
  @Allow('reconciliation.work')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({ summary: 'Resolve a queue item by linking the registration to a trajectory' })
  @ApiOkResponse({ description: 'The item, resolved' })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such item in your queue' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'The item is resolved already, or the trajectory has another registration',
  })
  async link(
    @Param('itemId') itemId: string,
    @Body() body: LinkReconciliationDto,
    @CommandHeaders() context: CommandContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReconciliationItemView> {
    const item = await this.registrations.find(assertUuid('itemId', itemId));
    this.access.assertMayResolve(context, item);
    // The trajectory linked to must lie within the caller's scope (else 404, as for one that does not exist).
    await this.trajectoryAccess.requireAccess(principal, 'trajectory.read', [body.trajectoryId]);
    return this.registrations.link(item, body.trajectoryId, context);
  }

  @Post('reconciliation/:itemId/dismiss')
  @Allow('reconciliation.work')
  @HttpCode(200)
  @ApiCommandHeaders()
  @ApiOperation({ summary: 'Resolve a queue item by dismissing the registration, with a reason' })
  @ApiOkResponse({ description: 'The item, dismissed' })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such item in your queue' })
  @ApiConflictResponse({ type: ErrorBody, description: 'The item is resolved already' })
  async dismiss(
    @Param('itemId') itemId: string,
    @Body() body: DismissReconciliationDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<ReconciliationItemView> {
    const item = await this.registrations.find(assertUuid('itemId', itemId));
    this.access.assertMayResolve(context, item);
    return this.registrations.dismiss(item, body.reason, context);
  }
}
