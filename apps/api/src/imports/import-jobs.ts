import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { closeBull, jobLockOptions, jobRunnerName } from '@case-journey/projections';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { HandoffRecorder } from '../cases/handoff-recorder';
import { apiWorkerSite, hearWorkerErrors } from '../read-models/api-queues';
import { IMPORTS_QUEUE, type ImportJobData } from './import-queue';
import { ImportStore } from './import-store';
import { processImport } from './process-import';
import { sourceFor } from './record-sources';

/**
 * Runs the imports in the API process, where the recorder is. A job holds only the import's id: its
 * file, options and checkpoint are in its folder. If the process dies mid-import, BullMQ finds the
 * job stalled once its lock lapses (JOB_LOCK_MS) and gives it to a worker again (another API process, or this one restarted), which
 * resumes from the last checkpoint; what was stored after it is replayed, never stored twice.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportJobs.name);
  private worker: Worker<ImportJobData> | undefined;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly recorder: HandoffRecorder,
    private readonly repository: CaseStreamRepository,
    private readonly imports: ImportStore,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const worker = new Worker<ImportJobData>(IMPORTS_QUEUE, (job) => this.run(job.data.importId), {
      ...apiWorkerSite(this.configuration),
      name: jobRunnerName(),
      concurrency: 1,
      // Taken over within about JOB_LOCK_MS + JOB_STALLED_CHECK_MS of its process dying (BullMQ's defaults gave up to a minute),
      // and resumed from its checkpoint however often that happens.
      ...jobLockOptions({ lockMs: this.configuration.jobLockMs, stalledCheckMs: this.configuration.jobStalledCheckMs }),
    });
    hearWorkerErrors(worker, this.logger, 'Import jobs');
    this.metrics.countJobsOf(worker);
    this.worker = worker;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker) await closeBull(this.worker);
  }

  /**
   * The imports this process is running. BullMQ hands a job out again if its lock lapsed while it ran
   * (the process too busy to renew it): the run in progress finishes it, never a second one beside it,
   * which would read the file again from the checkpoint it started at and write its own, older, checkpoint.
   */
  private readonly running = new Map<string, Promise<{ state: string }>>();

  private run(importId: string): Promise<{ state: string }> {
    const running = this.running.get(importId);
    if (running) return running;
    const run = this.processed(importId).finally(() => this.running.delete(importId));
    this.running.set(importId, run);
    return run;
  }

  private async processed(importId: string): Promise<{ state: string }> {
    const journal = this.imports.journal(importId);
    const { format, mapping } = journal.read();
    const services = { recorder: this.recorder, repository: this.repository, configuration: this.configuration, clock: this.clock };
    const status = await processImport(journal, journal.uploadPath, services, {}, sourceFor(format, mapping));
    this.logger.log(`Import ${importId} ${status.state}: ${JSON.stringify(status.tally)}${status.error ? ` (${status.error})` : ''}`);
    return { state: status.state };
  }
}
