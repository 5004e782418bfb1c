import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Client } from '@temporalio/client';

/** Temporal is up when its frontend answers a cheap call within the timeout. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(Client) private readonly client: Client,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy<Key extends string>(key: Key, timeoutMs: number): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      await this.client.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
