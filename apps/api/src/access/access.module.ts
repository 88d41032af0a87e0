import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfiguration } from '@case-journey/platform';
import { PerCallerThrottlerGuard, rateLimitOptions, SharedRateLimitStorage } from '../http/rate-limit';
import { AccessGuard } from './access.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Sign-in and the guards every route passes, in order: the AccessGuard (who is calling, and may
 * they), then the rate limit per caller (its store shared by every API process).
 */
@Module({
  providers: [{ provide: SharedRateLimitStorage, inject: [AppConfiguration], useFactory: SharedRateLimitStorage.fromConfiguration }],
  exports: [SharedRateLimitStorage],
})
class RateLimitStorageModule {}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [AppConfiguration, SharedRateLimitStorage],
      useFactory: rateLimitOptions,
    }),
  ],
  providers: [
    { provide: TokenVerifier, inject: [AppConfiguration], useFactory: TokenVerifier.fromConfiguration },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: PerCallerThrottlerGuard },
  ],
  exports: [TokenVerifier],
})
export class AccessModule {}
