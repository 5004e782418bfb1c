import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DeadLetterView, OutboxSubscriptionView } from '../../../../libs/store/src';
import { Allow } from '../access/access.decorators';
import { ExportFormatQuery, ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import {
  DeadLetterResponse,
  DeadLettersQuery,
  SaveSubscriptionDto,
  SubscriptionResponse,
} from './outbox.dto';
import { OutboxService } from './outbox.service';

/** Operators' view of the outbound notifications: subscriptions, dead letters, replay. No message bodies. */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get('subscriptions')
  @Allow('outbox.manage')
  @ApiOperation({ summary: "The partners' subscriptions with their pending, dead and delivered counts" })
  @ListExport({
    type: SubscriptionResponse,
    isArray: true,
    filename: 'outbox-subscriptions',
    columns: [
      'partner',
      'eventKinds',
      'endpointUrl',
      'secretRef',
      'maxAttempts',
      'active',
      'deliverFrom',
      'createdAt',
      'updatedAt',
      'pending',
      'dead',
      'delivered',
    ],
  })
  listSubscriptions(@Query() _format: ExportFormatQuery): Promise<OutboxSubscriptionView[]> {
    return this.outbox.listSubscriptions();
  }

  @Post('subscriptions')
  @Allow('outbox.manage')
  @ApiOperation({
    summary: "Creates or replaces a partner's subscription",
    description:
      'The secret is configuration of the worker (OUTBOX_PARTNER_SECRETS); the subscription names it. ' +
      'Answers 201 for a new subscription, 200 for a replaced one.',
  })
  @ApiCreatedResponse({ type: SubscriptionResponse, description: 'A new subscription' })
  @ApiOkResponse({ type: SubscriptionResponse, description: 'The subscription replaced' })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  async saveSubscription(
    @Body() body: SaveSubscriptionDto,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<OutboxSubscriptionView> {
    const { created, subscription } = await this.outbox.saveSubscription(body.toInput());
    response.status(created ? 201 : 200);
    return subscription;
  }

  @Get('dead-letters')
  @Allow('outbox.manage')
  @ApiOperation({
    summary: 'Messages given up after their last attempt, the oldest first',
    description:
      'A dead letter holds back the later messages of its trajectory for that partner until it is replayed.',
  })
  @ListExport({
    type: DeadLetterResponse,
    isArray: true,
    filename: 'outbox-dead-letters',
    columns: [
      'messageId',
      'partner',
      'kind',
      'trajectoryId',
      'eventVersion',
      'state',
      'attempts',
      'lastError',
      'lastAttemptAt',
      'deadAt',
      'replays',
      'createdAt',
      'blockedBehind',
    ],
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  listDeadLetters(@Query() query: DeadLettersQuery): Promise<DeadLetterView[]> {
    return this.outbox.listDeadLetters(query);
  }

  @Post('dead-letters/:messageId/replay')
  @Allow('outbox.manage')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Puts a dead letter back in the queue, with a fresh count of attempts, after the cause was fixed',
  })
  @ApiOkResponse({ type: DeadLetterResponse })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'messageId is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such message' })
  @ApiConflictResponse({ type: ErrorBody, description: 'The message is not a dead letter' })
  replay(
    @Param(
      'messageId',
      new ParseUUIDPipe({
        exceptionFactory: () => badRequest([{ field: 'messageId', reason: 'messageId must be a UUID' }]),
      }),
    )
    messageId: string,
  ): Promise<DeadLetterView> {
    return this.outbox.replay(messageId);
  }
}
