import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import type { RetentionRun } from '../retention-run';
import { DRY_RUN, RetentionQueue, type DryRunListing, type DryRunRequest, type ErasureOutcome, type ErasureRequest, type RetentionProgress } from '../retention-queue';
import { GetRetentionRunQuery } from './get-retention-run.query';

@QueryHandler(GetRetentionRunQuery)
export class GetRetentionRunHandler implements IQueryHandler<GetRetentionRunQuery, RetentionRun> {
  constructor(private readonly retention: RetentionQueue) {}

  async execute({ kind, jobId, offset, limit }: GetRetentionRunQuery): Promise<RetentionRun> {
    // The state first: a job read before it completes would say completed with no result.
    const state = await this.retention.queue.getJobState(jobId);
    const job = (await this.retention.queue.getJob(jobId)) as Job<DryRunRequest | ErasureRequest> | undefined;
    if (!job || job.name !== kind) throw new NotFoundException(`No retention ${kind} ${jobId}`);
    return retentionRunOf(job, state, { offset, limit });
  }
}

/** A job as the routes show it; a dry run's listing is paged. */
export function retentionRunOf(job: Job<DryRunRequest | ErasureRequest>, state: string, page = { offset: 0, limit: 200 }): RetentionRun {
  const returned = job.returnvalue as DryRunListing | ErasureOutcome | null | undefined;
  const result =
    returned && job.name === DRY_RUN
      ? (({ victims, ...listing }: DryRunListing) => ({ ...listing, total: victims.length, offset: page.offset, victims: victims.slice(page.offset, page.offset + page.limit) }))(returned as DryRunListing)
      : ((returned as ErasureOutcome | undefined) ?? null);
  return {
    jobId: String(job.id),
    kind: job.name as RetentionRun['kind'],
    state,
    requestedBy: job.data.requestedBy,
    requestedAt: job.data.requestedAt,
    cutoff: job.data.cutoff,
    progress: typeof job.progress === 'object' ? (job.progress as unknown as RetentionProgress) : null,
    result,
    failedReason: job.failedReason ?? null,
  };
}
