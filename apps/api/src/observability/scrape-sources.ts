import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { ServiceMetrics } from '@case-journey/platform';
import { JobQueues, PROJECTION_NAMES, ProjectionVersions, readingLags } from '@case-journey/projections';
import { ReadModelRedis } from '../read-models/read-models.module';

/** Points the scrape-time families at the API's view of the projections (the version readers use) and of the queues. */
@Injectable()
export class ApiScrapeSources implements OnModuleInit {
  constructor(
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly redis: ReadModelRedis,
    private readonly versions: ProjectionVersions,
    private readonly queues: JobQueues,
  ) {}

  onModuleInit(): void {
    this.metrics.readFrom({
      projections: () => readingLags(this.redis.client, this.store, this.versions, PROJECTION_NAMES),
      queues: () => this.queues.depths(),
    });
  }
}
