import { Module } from '@nestjs/common';
import { RedisLink } from './redis-link';

/** The worker's one RedisLink, for every module that opens a Redis connection, queue or BullMQ worker. */
@Module({ providers: [RedisLink], exports: [RedisLink] })
export class RedisLinkModule {}
