import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { MonthlyPackReports } from '@case-journey/board-pack';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { ProjectionVersions, ReportingReader, ReportSnapshotStore } from '@case-journey/projections';
import { PACK_REPORT_SOURCE } from '../board-packs/board-pack-jobs';
import { BoardPacksModule } from '../board-packs/board-packs.module';
import { RedisLink } from '../redis-link';
import { RedisLinkModule } from '../redis-link.module';
import { ReportJobs } from './report-jobs';

/** The worker's connection for reading reports and writing snapshots. */
@Injectable()
export class ReportsRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AppConfiguration) configuration: AppConfiguration, link: RedisLink) {
    this.client = link.watch(new Redis(configuration.redisUrl, { maxRetriesPerRequest: null, connectionName: 'case-journey-worker-reports' }));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

const READING = [
  ReportsRedis,
  { provide: ReportSnapshotStore, useFactory: (redis: ReportsRedis, c: AppConfiguration) => new ReportSnapshotStore(redis.client, c.redisKeyPrefix), inject: [ReportsRedis, AppConfiguration] },
  {
    provide: ReportingReader,
    useFactory: (redis: ReportsRedis, c: AppConfiguration, snapshots: ReportSnapshotStore) => new ReportingReader(redis.client, new ProjectionVersions(redis.client, c.redisKeyPrefix), snapshots),
    inject: [ReportsRedis, AppConfiguration, ReportSnapshotStore],
  },
];

@Module({ imports: [RedisLinkModule], providers: READING, exports: [ReportingReader, ReportSnapshotStore] })
export class ReportReadingModule {}

/** As-of reports, month-end snapshots, and board packs built from the real reports (frozen where a month is). */
@Module({
  imports: [
    RedisLinkModule,
    ReportReadingModule,
    BoardPacksModule.forRoot(
      { provide: PACK_REPORT_SOURCE, useFactory: (reader: ReportingReader, clock: Clock) => new MonthlyPackReports(reader, () => clock.now()), inject: [ReportingReader, CLOCK] },
      [ReportReadingModule],
    ),
  ],
  providers: [ReportJobs],
})
export class ReportsModule {}
