import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import RedisStore from 'connect-redis';
import session from 'express-session';
import Redis from 'ioredis';
import type { WebConfiguration } from '../web-configuration';
import { WEB_CONFIGURATION } from '../web-tokens';

export const SESSION_COOKIE = 'case-journey.sid';

/**
 * Sessions kept in Redis (connect-redis over ioredis), so any web process can serve any request
 * and a restart signs nobody out. The cookie holds only the signed session id: httpOnly, SameSite
 * Lax (the issuer's redirect back is a top-level navigation, which Lax lets through), and secure
 * whenever the app is served over TLS.
 */
export function sessions(configuration: WebConfiguration, redis: Redis) {
  return session({
    name: SESSION_COOKIE,
    secret: configuration.sessionSecret,
    store: new RedisStore({ client: redis, prefix: `${configuration.redisKeyPrefix}:web-session:`, ttl: configuration.sessionHours * 3600 }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: configuration.baseUrl.startsWith('https:'), maxAge: configuration.sessionHours * 3_600_000 },
  });
}

/**
 * The web app's Redis connection for its sessions, closed with the app: a provider, so that Nest's
 * shutdown reaches it (a client made beside the app, its `close` wrapped, was never closed: Nest's
 * application proxy did not call the wrapper, and the connection held a test run open).
 */
@Injectable()
export class SessionRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(WEB_CONFIGURATION) configuration: WebConfiguration) {
    this.client = new Redis(configuration.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
