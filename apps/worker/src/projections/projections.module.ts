import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, ServiceMetrics } from '@case-journey/platform';
import {
  DeadlineQueue,
  JobQueues,
  NotificationStore,
  ObligationsProjection,
  ProjectionVersions,
  ReportingProjection,
  TimelineProjection,
  WebhookOutbox,
} from '@case-journey/projections';
import { RedisLink } from '../redis-link';
import { RedisLinkModule } from '../redis-link.module';
import { DeadlineJobs } from './deadline-jobs';
import { ProjectionSupervisor } from './projection-supervisor';
import { RebuildJobs } from './rebuild-jobs';
import { RedisLossWatch } from './redis-loss-watch';
import { RedisConnections } from './redis-connections';
import { WORKER_PROJECTIONS } from './worker-projections';

/** The worker's projections, their deadline jobs and notifications, over the configured Redis. */
@Module({
  imports: [RedisLinkModule],
  providers: [
    RedisConnections,
    {
      provide: JobQueues,
      useFactory: (configuration: AppConfiguration, link: RedisLink) =>
        new JobQueues(link.queueSite()),
      inject: [AppConfiguration, RedisLink],
    },
    {
      provide: ProjectionVersions,
      useFactory: (connections: RedisConnections, configuration: AppConfiguration) => new ProjectionVersions(connections.open('versions'), configuration.redisKeyPrefix),
      inject: [RedisConnections, AppConfiguration],
    },
    {
      provide: NotificationStore,
      useFactory: (connections: RedisConnections, configuration: AppConfiguration, queues: JobQueues, metrics: ServiceMetrics) =>
        new NotificationStore(
          connections.open('notifications'),
          configuration.redisKeyPrefix,
          configuration.notificationWebhookUrl ? new WebhookOutbox(queues.webhooks) : undefined,
          () => metrics.breachesRaised.inc(),
        ),
      inject: [RedisConnections, AppConfiguration, JobQueues, ServiceMetrics],
    },
    {
      provide: ObligationsProjection,
      useFactory: (store: EventStore, queues: JobQueues, configuration: AppConfiguration) =>
        new ObligationsProjection({ store, deadlines: new DeadlineQueue(queues.deadlines), judges: configuration.victimsCodeJudges }),
      inject: [EVENT_STORE, JobQueues, AppConfiguration],
    },
    { provide: TimelineProjection, useValue: new TimelineProjection() },
    {
      provide: ReportingProjection,
      // One set of kept case histories for both projections that read whole cases: one worker's memory for it, not two.
      useFactory: (store: EventStore, configuration: AppConfiguration, obligations: ObligationsProjection) =>
        new ReportingProjection({ store, snapshotWorkingDays: configuration.reportSnapshotWorkingDays, histories: obligations.histories }),
      inject: [EVENT_STORE, AppConfiguration, ObligationsProjection],
    },
    {
      provide: WORKER_PROJECTIONS,
      useFactory: (timeline: TimelineProjection, obligations: ObligationsProjection, reporting: ReportingProjection) => [timeline, obligations, reporting],
      inject: [TimelineProjection, ObligationsProjection, ReportingProjection],
    },
    ProjectionSupervisor,
    DeadlineJobs,
    RebuildJobs,
    RedisLossWatch,
  ],
  exports: [RedisLinkModule, RedisConnections, ProjectionVersions, JobQueues, WORKER_PROJECTIONS],
})
export class ProjectionsModule {}
