import { applyDecorators, CallHandler, Inject, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { catchError, Observable, throwError, timeout } from 'rxjs';
import { AppConfiguration } from '@case-journey/platform';
import { isRedisUnreachable, RedisUnavailableError } from '@case-journey/projections';
import { ApiProblemResponses } from './problem.response';
import { RETRY_AFTER_SECONDS } from './service-unavailable';

const READS_REDIS = 'case-journey:reads-redis';

/**
 * Marks a route (or a controller's routes) that needs Redis: while Redis is away it answers 503 with
 * Retry-After within REDIS_READ_TIMEOUT_MS instead of waiting for it, and never does its work later.
 * The bound is an interceptor of these routes alone rather than of every route: each interceptor
 * Nest runs costs a request an rxjs chain and an async resource, and most routes need none.
 */
export const ReadsRedis = () =>
  applyDecorators(
    SetMetadata(READS_REDIS, true),
    UseInterceptors(RedisReadBound),
    ApiProblemResponses({ 503: `Redis (read models, job queues) cannot be reached within the read bound; Retry-After (${RETRY_AFTER_SECONDS} s) says when to try again` }),
  );

/** Bounds a Redis-reading route's answer by REDIS_READ_TIMEOUT_MS, and names an unreachable Redis as such. */
@Injectable()
export class RedisReadBound implements NestInterceptor {
  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    const ms = this.configuration.redisReadTimeoutMs;
    return next.handle().pipe(
      timeout({ first: ms, with: () => throwError(() => new RedisUnavailableError(`no answer within ${ms} ms`)) }),
      catchError((error: unknown) => throwError(() => (isRedisUnreachable(error) ? new RedisUnavailableError((error as Error).message) : error))),
    );
  }
}
