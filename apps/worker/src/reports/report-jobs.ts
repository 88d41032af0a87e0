import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import {
  asOfReport,
  closeBull,
  freezeMonthEnds,
  isRedisUnreachable,
  jobRunnerName,
  openQueue,
  REPORT_AS_OF_QUEUE,
  REPORT_SNAPSHOTS_QUEUE,
  ReportingReader,
  ReportSnapshotStore,
  type AsOfReportJob,
} from '@case-journey/projections';
import type { Report } from '@case-journey/reporting';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { RedisLink } from '../redis-link';

/** How often the worker looks for a month whose snapshot instant has passed. */
const SNAPSHOT_CHECK_MS = 15 * 60_000;
/** Months back a worker that was down catches up on. */
const SNAPSHOT_LOOK_BACK = 3;

/**
 * The reports' BullMQ workers: as-of reports (each read from the event store, one at a time, with
 * its progress), and the month-end snapshots, looked for on start and every 15 minutes, so each
 * month is frozen once its instant has passed without anyone asking.
 */
@Injectable()
export class ReportJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportJobs.name);
  private readonly calendar = new WorkingDayCalendar();
  private readonly workers: Worker[] = [];
  private snapshotQueue?: Queue;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: ReportingReader,
    private readonly snapshots: ReportSnapshotStore,
    private readonly link: RedisLink,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const site = this.link.queueSite();
    const { connection, prefix } = site;
    const definitions = this.reader.definitions;
    this.workers.push(
      new Worker<AsOfReportJob, Report>(
        REPORT_AS_OF_QUEUE,
        (job) => asOfReport(job.data, { store: this.store, calendar: this.calendar, definitions, onProgress: (progress) => job.updateProgress({ ...progress }) }),
        { connection, prefix, name: jobRunnerName(), concurrency: 1 },
      ),
      new Worker<unknown, string[]>(
        REPORT_SNAPSHOTS_QUEUE,
        async (job) => {
          const frozen = await freezeMonthEnds({
            now: this.clock.now(),
            workingDays: this.configuration.reportSnapshotWorkingDays,
            lookBack: SNAPSHOT_LOOK_BACK,
            store: this.store,
            calendar: this.calendar,
            snapshots: this.snapshots,
            definitions,
            onProgress: (progress) => job.updateProgress({ ...progress }),
          });
          if (frozen.length > 0) this.logger.log(`Froze the report figures of ${frozen.join(', ')}`);
          return frozen;
        },
        { connection, prefix, name: jobRunnerName(), concurrency: 1 },
      ),
    );
    for (const worker of this.workers) {
      this.link.watch(worker);
      this.metrics.countJobsOf(worker);
      worker.on('failed', (job, error) => isRedisUnreachable(error) || this.logger.warn(`${worker.name} job ${job?.id} failed: ${error.message}`));
    }
    this.snapshotQueue = openQueue(REPORT_SNAPSHOTS_QUEUE, site);
    await this.snapshotQueue.upsertJobScheduler('month-end-snapshots', { every: SNAPSHOT_CHECK_MS }, { name: 'freeze', opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } } });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => closeBull(worker)));
    if (this.snapshotQueue) await closeBull(this.snapshotQueue);
  }
}
