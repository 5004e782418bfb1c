import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from '../access/access.service';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** Sign-in (bearer tokens from the configured OpenID provider) and access (the policy) for every route. */
@Global()
@Module({
  imports: [ReadModelsModule],
  providers: [TokenVerifier, AccessService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessService],
})
export class AuthModule {}
