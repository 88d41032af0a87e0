import type { JobState } from 'bullmq';

/** Where a queued job stands, as BullMQ names it; `unknown` once the queue no longer holds it. */
export const JOB_STATES = ['waiting', 'waiting-children', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'unknown'] as const satisfies ReadonlyArray<JobState | 'unknown'>;
