import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfiguration } from '@case-journey/platform';
import { closeBull, openQueue, queueReadyWithin } from '@case-journey/projections';
import { apiQueueSite } from '../read-models/api-queues';

export const IMPORTS_QUEUE = 'imports';

export interface ImportJobData {
  importId: string;
}

/** Kept a week, as the import's own folder is until removed. */
const KEEP = { age: 7 * 24 * 3600 };

/**
 * The BullMQ queue of imports (`{prefix}-bull:imports:…`), run one at a time across every API
 * process (its global concurrency is 1): the store takes one writer at a time anyway, and an agency's
 * imports must be stored in the order they were sent.
 */
@Injectable()
export class ImportQueue implements OnApplicationShutdown {
  readonly queue: Queue<ImportJobData>;
  private concurrencySet: Promise<void> | undefined;

  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {
    this.queue = openQueue<ImportJobData>(IMPORTS_QUEUE, apiQueueSite(configuration));
  }

  /** Queued only on a connected queue, or refused (503): an import sent during an outage never starts when it ends. */
  async add(importId: string): Promise<void> {
    await queueReadyWithin(this.queue, this.configuration.redisReadTimeoutMs);
    this.concurrencySet ??= this.queue.setGlobalConcurrency(1).then(() => undefined);
    await this.concurrencySet;
    await this.queue.add('import', { importId }, { jobId: importId, removeOnComplete: KEEP, removeOnFail: KEEP, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } });
  }

  async onApplicationShutdown(): Promise<void> {
    await closeBull(this.queue);
  }
}
