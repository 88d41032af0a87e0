import { ExecutionContext, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerStorageService, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Principal } from '@case-journey/access';
import type { AppConfiguration } from '@case-journey/platform';
import Redis from 'ioredis';

/** The name the throttler storage's script is defined under on its connection. */
const COUNT_HIT = 'countThrottlerHit';

/**
 * @nest-lab/throttler-storage-redis as it is (its script, its keys, its reading of the reply), with
 * its script sent by SHA-1: the package EVALs the whole script (about 900 bytes) on every request,
 * for the client to write and Redis to hash again. The script is defined on the connection as an
 * ioredis command, which sends EVALSHA, and the script whole (EVAL) the first time on each
 * connection and again whenever Redis answers NOSCRIPT (a restart, a SCRIPT FLUSH, a failover).
 */
export class ScriptByHashThrottlerStorage extends ThrottlerStorageRedisService {
  constructor(connection: Redis) {
    super(connection);
    connection.defineCommand(COUNT_HIT, { numberOfKeys: 2, lua: this.scriptSrc });
    const countHit = (connection as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[COUNT_HIT].bind(connection);
    // The package's own increment runs unchanged; only its EVAL of this script goes by the defined command.
    const byHash = Object.create(connection) as Redis;
    byHash.call = ((command: string, ...args: unknown[]) => (command === 'eval' && args[0] === this.scriptSrc ? countHit(...args.slice(2)) : connection.call(command, ...(args as string[])))) as Redis['call'];
    this.redis = byHash;
  }
}

/**
 * Counts in Redis, so that every API process shares one budget per caller; while Redis is away it
 * counts in this process's memory instead, so that a Redis outage limits less strictly rather than
 * refusing every request (recording handoffs does not otherwise need Redis).
 */
export class SharedRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private fallingBack = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly shared?: ThrottlerStorageRedisService,
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
      // Every request's count is one script call: those of the requests handled in one turn of the event
      // loop go out in one socket write (ioredis sends them at setImmediate), each still its own call.
      enableAutoPipelining: true,
    });
    redis.on('error', () => undefined); // seen per request, through the fallback
    return new SharedRateLimitStorage(new ScriptByHashThrottlerStorage(redis), redis);
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

  /**
   * Closes once, though Nest calls it twice: the instance is both this provider and the throttler's
   * storage provider. Quitting a connection already quit fails into a disconnect, whose timer keeps
   * the process alive for ioredis's disconnect timeout.
   */
  onApplicationShutdown(): Promise<void> {
    this.closing ??= this.close();
    return this.closing;
  }

  private async close(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

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
