import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ApiConfig } from '../../config/api-config.service';
import { clientOf } from './client-of';

const ONE_MINUTE_MS = 60_000;

/**
 * Rate limiting per client (issue 6 §4): RATE_LIMIT_PER_MINUTE requests per minute per token subject, or per
 * address for routes without a token. Imported after the auth module, so its guard runs after the auth guard
 * and counts verified subjects, never a subject a client merely claims.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        throttlers: [{ ttl: ONE_MINUTE_MS, limit: Math.max(config.rateLimitPerMinute, 1) }],
        skipIf: () => config.rateLimitPerMinute === 0,
        getTracker: clientOf,
        errorMessage: `more than ${config.rateLimitPerMinute} requests in a minute from this client; retry later`,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class RateLimitModule {}
