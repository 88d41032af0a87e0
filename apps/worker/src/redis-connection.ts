import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfiguration } from '@case-journey/platform';
import { RedisLink } from './redis-link';

/** The worker's Redis (BullMQ's queues live there): it refuses to start without one. */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AppConfiguration) configuration: AppConfiguration, link: RedisLink) {
    this.client = link.watch(new Redis(configuration.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null }));
  }

  async onModuleInit(): Promise<void> {
    await this.client.connect();
    await this.client.ping();
    new Logger(RedisConnection.name).log('Redis answers');
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
