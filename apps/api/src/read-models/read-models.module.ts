import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfiguration } from '@case-journey/platform';
import { CaseFinderReader, JobQueues, NotificationStore, ObligationsReader, ProjectionVersions, TimelineReader } from '@case-journey/projections';
import { apiQueueSite } from './api-queues';

/**
 * The API's one Redis connection for reading the projections. It connects in the background: the
 * API records handoffs without Redis, and only the read-model routes fail while it is away, each
 * command within REDIS_READ_TIMEOUT_MS (a read queued while Redis is away is harmless to send later).
 */
@Injectable()
export class ReadModelRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AppConfiguration) configuration: AppConfiguration) {
    // Auto-pipelining: the reads of every request handled in one turn of the event loop go out in one
    // socket write (ioredis sends them at setImmediate), rather than one write, and one wake of Redis, each.
    this.client = new Redis(configuration.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: configuration.redisReadTimeoutMs, connectionName: 'case-journey-api', enableAutoPipelining: true });
    this.client.on('error', () => undefined); // reported per request, not as an unhandled event
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

const prefixOf = (configuration: AppConfiguration) => configuration.redisKeyPrefix;

@Module({
  providers: [
    ReadModelRedis,
    { provide: ProjectionVersions, useFactory: (redis: ReadModelRedis, c: AppConfiguration) => new ProjectionVersions(redis.client, prefixOf(c)), inject: [ReadModelRedis, AppConfiguration] },
    { provide: TimelineReader, useFactory: (redis: ReadModelRedis, versions: ProjectionVersions, configuration: AppConfiguration) => new TimelineReader(redis.client, versions, configuration.keptTimelinesMb * 1024 * 1024), inject: [ReadModelRedis, ProjectionVersions, AppConfiguration] },
    { provide: ObligationsReader, useFactory: (redis: ReadModelRedis, versions: ProjectionVersions) => new ObligationsReader(redis.client, versions), inject: [ReadModelRedis, ProjectionVersions] },
    { provide: CaseFinderReader, useFactory: (redis: ReadModelRedis, versions: ProjectionVersions) => new CaseFinderReader(redis.client, versions), inject: [ReadModelRedis, ProjectionVersions] },
    { provide: NotificationStore, useFactory: (redis: ReadModelRedis, c: AppConfiguration) => new NotificationStore(redis.client, prefixOf(c)), inject: [ReadModelRedis, AppConfiguration] },
    { provide: JobQueues, useFactory: (c: AppConfiguration) => new JobQueues(apiQueueSite(c)), inject: [AppConfiguration] },
  ],
  exports: [ReadModelRedis, ProjectionVersions, TimelineReader, ObligationsReader, CaseFinderReader, NotificationStore, JobQueues],
})
export class ReadModelsModule {}
