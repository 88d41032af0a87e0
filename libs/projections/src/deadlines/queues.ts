import type { JobsOptions } from 'bullmq';

/** BullMQ queues of the worker. Their keys live under `{prefix}-bull:{queue}:…`. */
export const DEADLINES_QUEUE = 'deadlines';
export const WEBHOOKS_QUEUE = 'webhooks';
export const REBUILDS_QUEUE = 'rebuilds';
export const QUEUES = [DEADLINES_QUEUE, WEBHOOKS_QUEUE, REBUILDS_QUEUE] as const;

export const bullPrefix = (prefix: string): string => `${prefix}-bull`;

/** What BullMQ is given to connect: a URL, and no retry limit (its blocking connections need none). */
export const bullConnection = (redisUrl: string) => ({ url: redisUrl, maxRetriesPerRequest: null });

export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};
