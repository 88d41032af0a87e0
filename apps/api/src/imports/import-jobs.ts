import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfiguration, CLOCK, type Clock } from '@case-journey/platform';
import { bullConnection, bullPrefix, closeBull } from '@case-journey/projections';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { HandoffRecorder } from '../cases/handoff-recorder';
import { IMPORTS_QUEUE, type ImportJobData } from './import-queue';
import { ImportStore } from './import-store';
import { processImport } from './process-import';
import { sourceFor } from './record-sources';

/**
 * Runs the imports in the API process, where the recorder is. A job holds only the import's id: its
 * file, options and checkpoint are in its folder. If the process dies mid-import, BullMQ finds the
 * job stalled once its lock lapses and gives it to a worker again (after a restart, this one), which
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
  ) {}

  onApplicationBootstrap(): void {
    const worker = new Worker<ImportJobData>(IMPORTS_QUEUE, (job) => this.run(job.data.importId), {
      connection: bullConnection(this.configuration.redisUrl),
      prefix: bullPrefix(this.configuration.redisKeyPrefix),
      concurrency: 1,
      // Resumed from its checkpoint however often the process running it dies.
      maxStalledCount: 100,
    });
    worker.on('error', (error) => this.logger.warn(`Import jobs: ${error.message}`));
    this.worker = worker;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker) await closeBull(this.worker);
  }

  private async run(importId: string): Promise<{ state: string }> {
    const journal = this.imports.journal(importId);
    const { format, mapping } = journal.read();
    const services = { recorder: this.recorder, repository: this.repository, configuration: this.configuration, clock: this.clock };
    const status = await processImport(journal, journal.uploadPath, services, {}, sourceFor(format, mapping));
    this.logger.log(`Import ${importId} ${status.state}: ${JSON.stringify(status.tally)}${status.error ? ` (${status.error})` : ''}`);
    return { state: status.state };
  }
}
