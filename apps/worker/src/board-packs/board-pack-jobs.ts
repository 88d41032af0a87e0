import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { closeBull, jobRunnerName } from '@case-journey/projections';
import { BOARD_PACKS_QUEUE, buildBoardPack, PackStore, PdfPrinter, type PackJob, type PackReportSource, type StoredPack } from '@case-journey/board-pack';
import { PageRenderer } from '@case-journey/pages';
import { RedisLink } from '../redis-link';

export const PACK_REPORT_SOURCE = Symbol('PACK_REPORT_SOURCE');

/**
 * Builds board packs one at a time: reports, figures, page, PDF (one Chromium kept for the
 * worker's life), store. Each step is the job's progress. A job cut short starts again from the
 * beginning; nothing is stored until the whole pack is.
 */
@Injectable()
export class BoardPackJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BoardPackJobs.name);
  private readonly printer: PdfPrinter;
  private readonly renderer = new PageRenderer();
  private worker?: Worker<PackJob, StoredPack>;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PACK_REPORT_SOURCE) private readonly source: PackReportSource,
    private readonly store: PackStore,
    private readonly link: RedisLink,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {
    this.printer = new PdfPrinter(configuration.chromiumPath);
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<PackJob, StoredPack>(
      BOARD_PACKS_QUEUE,
      async (job) => {
        const { request } = job.data;
        this.logger.log(`Building the board pack for ${request.area ?? 'all areas'}, ${request.month} (job ${job.id})`);
        const stored = await buildBoardPack({
          id: job.id!,
          request,
          source: this.source,
          renderer: this.renderer,
          printer: this.printer,
          store: this.store,
          now: () => this.clock.now(),
          onProgress: (progress) => job.updateProgress({ ...progress }),
        });
        this.logger.log(`Board pack ${stored.id} stored (figures ${stored.figuresDigest.slice(0, 12)}…)`);
        return stored;
      },
      { ...this.link.queueSite(), name: jobRunnerName(), concurrency: 1 },
    );
    this.link.watch(this.worker);
    this.metrics.countJobsOf(this.worker);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker) await closeBull(this.worker);
    await this.printer.close();
  }
}
