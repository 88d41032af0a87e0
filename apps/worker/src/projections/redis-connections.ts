import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfiguration } from '@case-journey/platform';
import { RedisLink } from '../redis-link';

/**
 * Opens the worker's Redis connections (a runner's WATCH state is per connection, so each runner
 * and the deadline handler get their own) and closes them last, after everything using them stopped.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened: Redis[] = [];

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    private readonly link: RedisLink,
  ) {}

  /** A connection whose commands wait for Redis while it is away (its errors go to the RedisLink). */
  open(purpose: string): Redis {
    const connection = this.link.watch(new Redis(this.configuration.redisUrl, { maxRetriesPerRequest: null, connectionName: `case-journey-worker-${purpose}` }));
    this.opened.push(connection);
    return connection;
  }

  /** Closes a connection whose user is done with it (a runner replaced by a rebuild's). */
  async close(connection: Redis): Promise<void> {
    const at = this.opened.indexOf(connection);
    if (at >= 0) this.opened.splice(at, 1);
    await connection.quit().catch(() => connection.disconnect());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
