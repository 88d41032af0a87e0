import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RetentionCandidate } from '@case-journey/domain';
import { AppConfiguration } from '@case-journey/platform';
import { closeBull, openQueue, queueReadyWithin } from '@case-journey/projections';
import type { AuditSubject } from '../audit/audit-subject';
import { apiQueueSite } from '../read-models/api-queues';

export const RETENTION_QUEUE = 'retention';
export const DRY_RUN = 'dry-run';
export const ERASURE = 'erasure';
export type RetentionJobName = typeof DRY_RUN | typeof ERASURE;

/** A dry run lists the victims of cases closed before the cutoff; nothing is erased. */
export interface DryRunRequest {
  requestedBy: AuditSubject;
  requestedAt: string;
  retentionYears: number;
  cutoff: string;
}

export interface DryRunListing {
  cutoff: string;
  casesRead: number;
  victims: RetentionCandidate[];
}

/** An erasure erases what one completed dry run listed, each victim checked again first. */
export interface ErasureRequest {
  requestedBy: AuditSubject;
  requestedAt: string;
  dryRunId: string;
  cutoff: string;
  reason: string;
}

export interface ErasureOutcome {
  dryRunId: string;
  erased: string[];
  /** Listed by the dry run but no longer to be erased, and why. */
  skipped: Array<{ victimId: string; why: string }>;
}

export interface RetentionProgress {
  done: number;
  of: number | null;
}

/** Kept a week: long enough to read a dry run's listing and erase it. */
const KEEP = { age: 7 * 24 * 3600 };

/** The BullMQ queue of retention jobs (`{prefix}-bull:retention:…`). */
@Injectable()
export class RetentionQueue implements OnApplicationShutdown {
  readonly queue: Queue<DryRunRequest | ErasureRequest, DryRunListing | ErasureOutcome, RetentionJobName>;

  constructor(@Inject(AppConfiguration) private readonly configuration: AppConfiguration) {
    this.queue = openQueue(RETENTION_QUEUE, apiQueueSite(configuration));
  }

  /** Queued only on a connected queue, or refused (503): a job asked for during an outage never starts when it ends. */
  async add(name: RetentionJobName, request: DryRunRequest | ErasureRequest) {
    await queueReadyWithin(this.queue, this.configuration.redisReadTimeoutMs);
    return this.queue.add(name, request, { removeOnComplete: KEEP, removeOnFail: KEEP, attempts: 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    await closeBull(this.queue);
  }
}
