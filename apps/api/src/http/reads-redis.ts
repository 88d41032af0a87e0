import { applyDecorators, CallHandler, Inject, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppConfiguration } from '@case-journey/platform';
import { RedisUnavailableError } from '@case-journey/projections';
import { ApiProblemResponses } from './problem.response';
import { RETRY_AFTER_SECONDS } from './service-unavailable';

const READS_REDIS = 'case-journey:reads-redis';

/**
 * Marks a route (or a controller's routes) that needs Redis: while Redis is away it answers 503 with
 * Retry-After within REDIS_READ_TIMEOUT_MS instead of waiting for it, and never does its work later.
 * The bound is an interceptor of these routes alone rather than of every route: each interceptor
 * Nest runs costs a request an rxjs chain and an async resource, and most routes need none. The
 * busiest reads (timeline, worklist, compliance) bound their work themselves with `withinReadBound`
 * (`boundInHandler`): there the interceptor's chain cost more than the read's own work.
 */
export const ReadsRedis = ({ boundInHandler = false }: { boundInHandler?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(READS_REDIS, true),
    ...(boundInHandler ? [] : [UseInterceptors(RedisReadBound)]),
    ApiProblemResponses({ 503: `Redis (read models, job queues) cannot be reached within the read bound; Retry-After (${RETRY_AFTER_SECONDS} s) says when to try again` }),
  );

/**
 * The answer of `work`, or a RedisUnavailableError (503 with Retry-After) once `ms` pass without one:
 * the interceptor's bound, kept by a route itself. An unreachable Redis's own errors reach the
 * problem filter, which names them as the interceptor does.
 */
export async function withinReadBound<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Bounds a Redis-reading route's answer by REDIS_READ_TIMEOUT_MS, through the same `withinReadBound`
 * as the routes that keep their bound themselves; the problem filter names an unreachable Redis.
 */
@Injectable()
export class RedisReadBound implements NestInterceptor {
  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return from(withinReadBound(this.configuration.redisReadTimeoutMs, () => lastValueFrom(next.handle())));
  }
}
