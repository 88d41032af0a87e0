import { ExecutionContext, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerStorageService, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from '@case-journey/access';
import type { AppConfiguration } from '@case-journey/platform';
import Redis from 'ioredis';

/**
 * Counts in Redis, so that every API process shares one budget per caller; while Redis is away it
 * counts in this process's memory instead, so that a Redis outage limits less strictly rather than
 * refusing every request (recording handoffs does not otherwise need Redis).
 */
export class SharedRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private fallingBack = false;

  constructor(
    private readonly shared?: RedisRateCounter,
    private readonly redis?: Redis,
  ) {}

  static fromConfiguration(configuration: AppConfiguration): SharedRateLimitStorage {
    if (configuration.rateLimitStore === 'memory') return new SharedRateLimitStorage();
    const redis = new Redis(configuration.redisUrl, {
      keyPrefix: `${configuration.redisKeyPrefix}:rate-limit:`,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: configuration.redisReadTimeoutMs,
      connectionName: 'case-journey-rate-limit',
      // The requests handled in one turn of the event loop send their counts in one write.
      enableAutoPipelining: true,
    });
    redis.on('error', () => undefined); // seen per request, through the fallback
    return new SharedRateLimitStorage(new RedisRateCounter(redis), redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    if (this.shared && this.redis?.status === 'ready') {
      try {
        const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
        if (this.fallingBack) this.logger.log('Rate limits are counted in Redis again');
        this.fallingBack = false;
        return record;
      } catch (error) {
        this.fallBack((error as Error).message);
      }
    } else if (this.shared && this.redis?.status !== 'connecting' && this.redis?.status !== 'wait') {
      // Before the first connection there is nothing to fall back from; after it, Redis is away.
      this.fallBack(`the connection is ${this.redis?.status}`);
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  private fallBack(why: string): void {
    if (!this.fallingBack) this.logger.warn(`Rate limits are counted per process while Redis cannot be reached: ${why}`);
    this.fallingBack = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/**
 * The count of a caller's requests in Redis, as @nest-lab/throttler-storage-redis counts them (the
 * same keys and the same script), but sent by its SHA-1 (EVALSHA, through ioredis's defineCommand)
 * instead of as 900 bytes of script text with every request, which Redis then hashed again: that
 * EVAL was a tenth of a cheap read's CPU in the API, and more again in Redis.
 */
export class RedisRateCounter {
  constructor(private readonly redis: Redis) {
    redis.defineCommand('rateLimitHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    const hitKey = `{${key}:${throttlerName}}:hits`;
    const blockKey = `{${key}:${throttlerName}}:blocked`;
    const counter = this.redis as Redis & { rateLimitHit(...args: Array<string | number>): Promise<unknown> };
    const results = await counter.rateLimitHit(hitKey, blockKey, throttlerName, ttl, limit, blockDuration);
    if (!Array.isArray(results) || results.length !== 4 || !results.every((n) => typeof n === 'number')) throw new TypeError(`The rate-limit script answered ${JSON.stringify(results)}`);
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = results as number[];
    return { totalHits, timeToExpire: Math.ceil(timeToExpire / 1000), isBlocked: isBlocked === 1, timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000) };
  }
}

/** Counts one hit in a window of `ttl` ms, and blocks for `blockDuration` ms once over `limit`. */
const HIT_SCRIPT = `
local hitKey = KEYS[1]
local blockKey = KEYS[2]
local ttl = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local blockDuration = tonumber(ARGV[4])
local totalHits = redis.call('INCR', hitKey)
local timeToExpire = redis.call('PTTL', hitKey)
if timeToExpire <= 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  timeToExpire = ttl
end
local isBlocked = redis.call('GET', blockKey)
local timeToBlockExpire = 0
if isBlocked then
  timeToBlockExpire = redis.call('PTTL', blockKey)
elseif totalHits > limit then
  redis.call('SET', blockKey, 1, 'PX', blockDuration)
  isBlocked = '1'
  timeToBlockExpire = blockDuration
end
if isBlocked and timeToBlockExpire <= 0 then
  redis.call('DEL', blockKey)
  redis.call('SET', hitKey, 1, 'PX', ttl)
  totalHits = 1
  timeToExpire = ttl
  isBlocked = false
end
return { totalHits, timeToExpire, isBlocked and 1 or 0, timeToBlockExpire }
`;

/** One budget per caller across every route: the token's subject when signed in, the address when not. */
export function rateLimitOptions(configuration: AppConfiguration, storage: ThrottlerStorage): ThrottlerModuleOptions {
  return {
    throttlers: [{ name: 'default', ttl: 60_000, limit: configuration.rateLimitPerMinute }],
    storage,
    generateKey: (_context: ExecutionContext, tracker: string) => tracker,
    errorMessage: `Too many requests: at most ${configuration.rateLimitPerMinute} a minute per caller; try again after Retry-After seconds`,
  };
}

/** Runs after the AccessGuard, which has put the verified principal on the request. */
@Injectable()
export class PerCallerThrottlerGuard extends ThrottlerGuard {
  /**
   * One budget for every route: no route names a limit of its own (\@Throttle, \@SkipThrottle), so
   * the ten metadata lookups and three awaits ThrottlerGuard spends per request finding one are skipped.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const [throttler] = this.throttlers;
    if (this.throttlers.length !== 1 || typeof throttler.limit !== 'number' || typeof throttler.ttl !== 'number') return super.canActivate(context);
    const { getTracker, generateKey } = this.commonOptions;
    const blockDuration = typeof throttler.blockDuration === 'number' ? throttler.blockDuration : throttler.ttl;
    return this.handleRequest({ context, limit: throttler.limit, ttl: throttler.ttl, throttler, blockDuration, getTracker: getTracker!, generateKey: generateKey! });
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as Principal | undefined;
    if (principal && !principal.roles.includes('public')) return `subject:${principal.subject}`;
    return `address:${String(request.ip ?? 'unknown')}`;
  }
}
