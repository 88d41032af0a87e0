import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { AppConfiguration, CLOCK, ServiceMetrics, type Clock } from '@case-journey/platform';
import { closeBull, jobLockOptions, jobRunnerName } from '@case-journey/projections';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { HandoffRecorder } from '../cases/handoff-recorder';
import { apiWorkerSite, hearWorkerErrors } from '../read-models/api-queues';
import { IMPORTS_QUEUE, type ImportJobData } from './import-queue';
import { ImportStore } from './import-store';
import { ImportProcessFailedError, importInChild } from './import-child';
import type { ImportStatus } from './import-journal';
import { processImport } from './process-import';
import { sourceFor } from './record-sources';

/** Whether imports run in the API process itself rather than each in a process of its own (see ImportsModule.forRoot). */
export const IMPORTS_IN_PROCESS = Symbol('IMPORTS_IN_PROCESS');

/**
 * Takes the import jobs in the API process, and runs each in a process of its own with the importer's
 * bounded heap (`importInChild`), the job kept here: its lock is extended before each checkpoint the
 * child asks for. A job holds only the import's id: its file, options and checkpoint are in its folder. If the process dies mid-import, BullMQ finds the
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
    @Inject(IMPORTS_IN_PROCESS) private readonly inProcess: boolean,
  ) {}

  /** Stops the imports' processes when this one shuts down: their jobs are taken up again from their checkpoints. */
  private readonly shutdown = new AbortController();

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
    this.shutdown.abort();
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
    entry.run = this.processed(importId, () => this.stillHeld(entry.handOut), () => entry.handOut.job).finally(() => this.running.delete(importId));
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

  private async processed(importId: string, stillOwned: () => Promise<void>, job: () => Job<ImportJobData>): Promise<{ state: string }> {
    const journal = this.imports.journal(importId);
    let status: ImportStatus;
    if (this.inProcess) {
      const { format, mapping } = journal.read();
      const services = { recorder: this.recorder, repository: this.repository, configuration: this.configuration, clock: this.clock };
      status = await processImport(journal, journal.uploadPath, services, { stillOwned }, sourceFor(format, mapping));
    } else {
      try {
        status = await importInChild(importId, this.configuration, {
          stillOwned,
          onProgress: (progress) => void job().updateProgress({ line: progress.checkpoint.line, ...progress.tally }).catch(() => undefined),
          signal: this.shutdown.signal,
        });
      } catch (error) {
        if (error instanceof ImportProcessFailedError) this.recordFailure(journal, job(), error);
        throw error;
      }
    }
    this.logger.log(`Import ${importId} ${status.state}: ${JSON.stringify(status.tally)}${status.error ? ` (${status.error})` : ''}`);
    return { state: status.state };
  }

  private recordFailure(journal: ReturnType<ImportStore['journal']>, job: Job<ImportJobData>, error: ImportProcessFailedError): void {
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.logger.error(`Import ${job.data.importId}: ${error.message}${last ? '' : '; it will be tried again from its checkpoint'}`);
    journal.update((current) => statusAfterProcessDied(current, error, last, this.clock.now()));
  }
}

/**
 * An import whose process died (killed, out of memory) says so in its status: queued again while its
 * job has attempts left (BullMQ retries it, from the checkpoint), failed after its last.
 */
export function statusAfterProcessDied(current: ImportStatus, error: ImportProcessFailedError, lastAttempt: boolean, now: Date): ImportStatus {
  if (current.state === 'completed' || current.state === 'failed') return current;
  if (!lastAttempt) return { ...current, state: 'queued', error: `${error.message}; to be tried again from the checkpoint` };
  return { ...current, state: 'failed', error: error.message, finishedAt: now.toISOString() };
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
