import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
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
    const worker = new Worker<ImportJobData>(IMPORTS_QUEUE, (job, token) => this.run(job, token), {
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
   * The imports this process is running, each with the job hand-out it answers to now. BullMQ hands
   * a job out again if its lock lapsed while it ran (the process too busy to renew it). Given back to
   * this process, the run in progress carries on under the new hand-out, never a second run beside it,
   * which would read the file again from the checkpoint it started at and write its own, older, one.
   * Given to another process, this run finds its hand-out's lock gone at its next batch and stops.
   */
  private readonly running = new Map<string, { run: Promise<{ state: string }>; handOut: JobHandOut }>();

  private run(job: Job<ImportJobData>, token: string | undefined): Promise<{ state: string }> {
    const { importId } = job.data;
    const running = this.running.get(importId);
    if (running) {
      running.handOut = { job, token };
      return running.run;
    }
    const entry = { handOut: { job, token } as JobHandOut, run: Promise.resolve({ state: '' }) };
    entry.run = this.processed(importId, () => this.stillHeld(entry.handOut)).finally(() => this.running.delete(importId));
    this.running.set(importId, entry);
    return entry.run;
  }

  /**
   * Whether this process still holds the job: its lock extended once more, or refused if it lapsed
   * and BullMQ handed the import to another process, which resumes it from the checkpoint and must be
   * the only one writing checkpoints and rejections.
   */
  private async stillHeld({ job, token }: JobHandOut): Promise<void> {
    if (token === undefined || (await job.extendLock(token, this.configuration.jobLockMs)) !== 1) throw new ImportHandedOverError(job.data.importId);
  }

  private async processed(importId: string, stillOwned: () => Promise<void>): Promise<{ state: string }> {
    const journal = this.imports.journal(importId);
    const { format, mapping } = journal.read();
    const services = { recorder: this.recorder, repository: this.repository, configuration: this.configuration, clock: this.clock };
    const status = await processImport(journal, journal.uploadPath, services, { stillOwned }, sourceFor(format, mapping));
    this.logger.log(`Import ${importId} ${status.state}: ${JSON.stringify(status.tally)}${status.error ? ` (${status.error})` : ''}`);
    return { state: status.state };
  }
}

/** A job as BullMQ handed it to this process: the lock it holds is the token's. */
interface JobHandOut {
  job: Job<ImportJobData>;
  token: string | undefined;
}

/** This process lost an import's job lock mid-run: it stops writing, and whoever holds the job now finishes the import. */
export class ImportHandedOverError extends Error {
  constructor(importId: string) {
    super(`Import ${importId}: this process no longer holds its job (the lock lapsed); it stops, and the process holding the job carries on from the checkpoint`);
    this.name = 'ImportHandedOverError';
  }
}
