import type { JobState } from 'bullmq';
import type { JobQueues } from '../deadlines/job-queues';
import { OBLIGATIONS } from '../obligations/obligations.projection';
import { REPORTING } from '../reporting/reporting.projection';
import { TIMELINE } from '../timeline/timeline.projection';
import type { RebuildProgress, RebuildResult } from './projection-rebuild';

/** The projections the worker runs, by name. */
export const PROJECTION_NAMES = [TIMELINE, OBLIGATIONS, REPORTING] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

export interface RebuildStatus {
  jobId: string;
  projection: string;
  state: JobState | 'unknown';
  progress: RebuildProgress | null;
  result: RebuildResult | null;
  failedReason: string | null;
}

/**
 * Asks the workers to rebuild a projection; answers where it stands. Rebuilds run one at a time
 * across every worker process (the queue's global concurrency is 1): two of one projection at once
 * would both build its next version in the same keys, the second dropping what the first had built.
 */
export async function requestRebuild(queues: JobQueues, projection: ProjectionName): Promise<RebuildStatus> {
  await queues.rebuilds.setGlobalConcurrency(1);
  const job = await queues.rebuilds.add('rebuild', { projection }, { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } });
  return (await rebuildStatus(queues, job.id!))!;
}

export async function rebuildStatus(queues: JobQueues, jobId: string): Promise<RebuildStatus | undefined> {
  // The state first: a job read as completed was stored with its result, whereas a job read first
  // may complete before its state is asked, and would be answered completed with no result.
  const state = await queues.rebuilds.getJobState(jobId);
  const job = await queues.rebuilds.getJob(jobId);
  if (!job) return undefined;
  const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as unknown as RebuildProgress) : null;
  return {
    jobId,
    projection: job.data.projection,
    state,
    progress,
    result: (job.returnvalue as RebuildResult | undefined) ?? null,
    failedReason: job.failedReason ?? null,
  };
}
