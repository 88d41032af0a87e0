import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { bullConnection, bullPrefix, DeadlineHandler, deadlineWorker, NotificationStore, ObligationsProjection, ProjectionVersions, webhookWorker } from '@case-journey/projections';
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
  ) {}

  onApplicationBootstrap(): void {
    const { redisUrl, redisKeyPrefix, notificationWebhookUrl, notificationWebhookSecret } = this.configuration;
    const connection = bullConnection(redisUrl);
    const prefix = bullPrefix(redisKeyPrefix);
    const handler = new DeadlineHandler({ projection: this.projection, versions: this.versions, redis: this.connections.open('deadlines'), clock: this.clock, notifications: this.notifications });
    this.workers.push(deadlineWorker(connection, prefix, handler, this.clock));
    if (notificationWebhookUrl && notificationWebhookSecret) {
      const webhooks = webhookWorker(connection, prefix, { url: notificationWebhookUrl, secret: notificationWebhookSecret });
      webhooks.on('failed', () => this.metrics.webhookFailures.inc());
      this.workers.push(webhooks);
    }
    for (const worker of this.workers) worker.on('failed', (job, error) => this.logger.warn(`${worker.name} job ${job?.id} failed: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }
}
