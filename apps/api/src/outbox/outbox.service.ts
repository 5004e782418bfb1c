import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import {
  DeadLetterView,
  OutboxOperationsStore,
  OutboxSubscriptionInput,
  OutboxSubscriptionView,
} from '../../../../libs/store/src';

@Injectable()
export class OutboxService {
  constructor(private readonly store: OutboxOperationsStore) {}

  listSubscriptions(): Promise<OutboxSubscriptionView[]> {
    return this.store.listSubscriptions();
  }

  async saveSubscription(
    input: OutboxSubscriptionInput,
  ): Promise<{ created: boolean; subscription: OutboxSubscriptionView }> {
    const { created } = await this.store.saveSubscription(input);
    const subscription = await this.store.findSubscription(input.partner);
    if (!subscription) throw new Error(`subscription ${input.partner} vanished after saving`);
    return { created, subscription };
  }

  listDeadLetters(filter: { partner?: string; limit: number }): Promise<DeadLetterView[]> {
    return this.store.listDeadLetters(filter);
  }

  async replay(messageId: string): Promise<DeadLetterView> {
    const replayed = await this.store.replay(messageId);
    if (replayed) return replayed;
    const message = await this.store.findMessage(messageId);
    if (!message) throw new NotFoundException(`outbox message ${messageId} not found`);
    throw new ConflictException({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      code: 'INVALID_STATE',
      message: `outbox message ${messageId} is ${message.state}, not a dead letter`,
    });
  }
}
