import type { Provider } from '@nestjs/common';
import { AppConfiguration } from '@case-journey/platform';
import { AsOfReportQueue, FigureCasesReader, ProjectionVersions, ReportingReader, ReportSnapshotStore } from '@case-journey/projections';
import { apiQueueSite } from '../read-models/api-queues';
import { ReadModelRedis } from '../read-models/read-models.module';

/** The reports' read side: the reporting projection, the cases behind its figures and the frozen snapshots (over the API's read connection), and the as-of queue. */
export const REPORT_PROVIDERS: Provider[] = [
  { provide: ReportSnapshotStore, useFactory: (redis: ReadModelRedis, c: AppConfiguration) => new ReportSnapshotStore(redis.client, c.redisKeyPrefix), inject: [ReadModelRedis, AppConfiguration] },
  {
    provide: ReportingReader,
    useFactory: (redis: ReadModelRedis, versions: ProjectionVersions, snapshots: ReportSnapshotStore) => new ReportingReader(redis.client, versions, snapshots),
    inject: [ReadModelRedis, ProjectionVersions, ReportSnapshotStore],
  },
  { provide: FigureCasesReader, useFactory: (redis: ReadModelRedis, versions: ProjectionVersions) => new FigureCasesReader(redis.client, versions), inject: [ReadModelRedis, ProjectionVersions] },
  { provide: AsOfReportQueue, useFactory: (c: AppConfiguration) => new AsOfReportQueue(apiQueueSite(c), c.redisReadTimeoutMs), inject: [AppConfiguration] },
];
