import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { bullConnection, bullPrefix, closeBull, jobRunnerName, ProjectionVersions, rebuildProjection, type RebuildRequest, type RebuildResult, REBUILDS_QUEUE } from '@case-journey/projections';
import { ProjectionSupervisor } from './projection-supervisor';
import { RedisLink } from '../redis-link';
import { RedisConnections } from './redis-connections';

/** Runs rebuild jobs one at a time, reporting each phase as the job's progress. */
@Injectable()
export class RebuildJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RebuildJobs.name);
  private worker?: Worker<RebuildRequest, RebuildResult>;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly supervisor: ProjectionSupervisor,
    private readonly versions: ProjectionVersions,
    private readonly connections: RedisConnections,
    private readonly link: RedisLink,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const redis = this.connections.open('rebuild');
    this.worker = new Worker<RebuildRequest, RebuildResult>(
      REBUILDS_QUEUE,
      async (job) => {
        const name = job.data.projection;
        this.logger.log(`Rebuilding projection ${name} (job ${job.id})`);
        const result = await rebuildProjection({
          projection: this.supervisor.projection(name),
          store: this.store,
          versions: this.versions,
          redis,
          clock: this.clock,
          runnerFor: (keys) => this.supervisor.runnerFor(name, keys),
          handOver: (runner) => this.supervisor.handOver(runner),
          onProgress: (progress) => job.updateProgress({ ...progress }),
        });
        this.logger.log(`Projection ${name} rebuilt as v${result.toVersion}; v${result.fromVersion} dropped (${result.keysDropped} keys)`);
        return result;
      },
      { connection: bullConnection(this.configuration.redisUrl), prefix: bullPrefix(this.configuration.redisKeyPrefix), name: jobRunnerName(), concurrency: 1 },
    );
    this.link.watch(this.worker);
    this.metrics.countJobsOf(this.worker);
  }

  /** A rebuild cut short is picked up again later (as a stalled job) and starts over from its leftovers' removal. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker) await closeBull(this.worker, { force: true });
  }
}
