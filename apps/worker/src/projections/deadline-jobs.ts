import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { BreachRecord, bullConnection, bullPrefix, closeBull, DeadlineHandler, deadlineWorker, isRedisUnreachable, NotificationStore, ObligationsProjection, ProjectionVersions, webhookWorker } from '@case-journey/projections';
import { RedisLink } from '../redis-link';
import { RedisConnections } from './redis-connections';

/** The BullMQ workers of the worker: deadline jobs, and webhook deliveries when a webhook is configured. */
@Injectable()
export class DeadlineJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineJobs.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projection: ObligationsProjection,
    private readonly versions: ProjectionVersions,
    private readonly notifications: NotificationStore,
    private readonly connections: RedisConnections,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    private readonly link: RedisLink,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    const { redisUrl, redisKeyPrefix, notificationWebhookUrl, notificationWebhookSecret, jobLockMs, jobStalledCheckMs, historicalBreachHours } = this.configuration;
    const locks = { lockMs: jobLockMs, stalledCheckMs: jobStalledCheckMs };
    const connection = bullConnection(redisUrl);
    const prefix = bullPrefix(redisKeyPrefix);
    const handler = new DeadlineHandler({
      projection: this.projection,
      versions: this.versions,
      redis: this.connections.open('deadlines'),
      clock: this.clock,
      notifications: this.notifications,
      record: new BreachRecord(this.store),
      historicalAfterMs: historicalBreachHours * 3_600_000,
    });
    this.workers.push(deadlineWorker(connection, prefix, handler, this.clock, locks));
    if (notificationWebhookUrl && notificationWebhookSecret) {
      const webhooks = webhookWorker(connection, prefix, { url: notificationWebhookUrl, secret: notificationWebhookSecret }, locks);
      webhooks.on('failed', () => this.metrics.webhookFailures.inc());
      this.workers.push(webhooks);
    }
    for (const worker of this.workers) {
      this.link.watch(worker);
      this.metrics.countJobsOf(worker);
      // While Redis is away the RedisLink has said so once; a job failing for it is not news.
      worker.on('failed', (job, error) => isRedisUnreachable(error) || this.logger.warn(`${worker.name} job ${job?.id} failed: ${error.message}`));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => closeBull(worker)));
  }
}
