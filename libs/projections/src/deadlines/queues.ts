import { hostname } from 'node:os';
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

/** BullMQ queues of the worker. Their keys live under `{prefix}-bull:{queue}:…`. */
export const DEADLINES_QUEUE = 'deadlines';
export const WEBHOOKS_QUEUE = 'webhooks';
export const REBUILDS_QUEUE = 'rebuilds';
export const QUEUES = [DEADLINES_QUEUE, WEBHOOKS_QUEUE, REBUILDS_QUEUE] as const;

export const bullPrefix = (prefix: string): string => `${prefix}-bull`;

/** What BullMQ is given to connect: a URL, and no retry limit (its blocking connections need none). */
export const bullConnection = (redisUrl: string) => ({ url: redisUrl, maxRetriesPerRequest: null });

/**
 * Where a process opens its BullMQ queues: the connection, the key prefix, and who hears each
 * queue's connection errors. A queue nobody listens to prints every reconnection attempt during an
 * outage; each app gives one site to all its queues (the API: fail fast, told per request; the
 * worker: its RedisLink).
 */
export interface QueueSite {
  connection: ConnectionOptions;
  prefix: string;
  onOpen?: (queue: Queue) => void;
}

/** Opens a queue at a site, its errors handed to whoever the site names. */
export function openQueue<Data = unknown, Result = unknown, Name extends string = string>(name: string, site: QueueSite): Queue<Data, Result, Name> {
  const queue = new Queue<Data, Result, Name>(name, { connection: site.connection, prefix: site.prefix });
  site.onOpen?.(queue as Queue);
  return queue;
}

/**
 * This process as a job's runner: BullMQ stores a worker's name on every job it takes (`processedBy`),
 * so an operator looking at a job, and the test that jobs spread across processes, can tell which
 * host and process ran it.
 */
export const jobRunnerName = (): string => `${hostname()}:${process.pid}`;

/** The deadline workers' own backoff, named on each job (BullMQ asks the worker for an unknown type). */
export const DEADLINE_BACKOFF = 'deadline';
const FIRST_RETRY_MS = 1000;
/** Longest wait between two attempts: an hour-long Redis or store outage is retried within minutes of its end. */
export const DEADLINE_RETRY_CAP_MS = 5 * 60_000;

/** The wait before attempt `attemptsMade + 1`: doubling from a second, never more than the cap. */
export function deadlineRetryDelay(attemptsMade: number): number {
  return Math.min(DEADLINE_RETRY_CAP_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attemptsMade - 1));
}

/**
 * A deadline job is retried for as long as it fails: once given up, its obligation would never be
 * breached nor anyone told. (BullMQ stores options as JSON, so the largest safe integer, not Infinity.)
 */
export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
  attempts: Number.MAX_SAFE_INTEGER,
  backoff: { type: DEADLINE_BACKOFF },
};

/**
 * How a worker holding deadline or webhook jobs is found dead: its lock on a job lapses after
 * `lockMs` without renewal (renewed every half of it while the worker lives), and every
 * `stalledCheckMs` the live workers move jobs whose lock lapsed back to waiting. A crash therefore
 * delays a breach notice by about lockMs + stalledCheckMs at most, where BullMQ's defaults (30 s
 * each) gave up to a minute. A job may stall any number of times: it is idempotent, and one given up
 * is a breach never told.
 */
export interface JobLockSettings {
  lockMs: number;
  stalledCheckMs: number;
}

export const jobLockOptions = ({ lockMs, stalledCheckMs }: JobLockSettings) => ({
  lockDuration: lockMs,
  stalledInterval: stalledCheckMs,
  maxStalledCount: Number.MAX_SAFE_INTEGER,
});

/** The longest a BullMQ worker or queue is given to close before its connections are dropped. */
export const BULL_CLOSE_LIMIT_MS = 5000;

interface BullClosable {
  close(force?: boolean): Promise<void>;
  getBackend(): { close(force?: boolean): Promise<void> };
}

/**
 * Closes a BullMQ worker or queue, and drops its connections when it cannot close in time. A worker's
 * close waits for its blocking connection's `end`, which never comes while ioredis sits between two
 * reconnection attempts during or just after an outage (taskforcesh/bullmq#4656), and would hold the
 * shutdown, and the process, forever. Its backend closed by force disconnects both connections at
 * once, which also stops their reconnection timers. Such a worker's lock timer runs on until the
 * process ends, as it does next: Nest raises the signal again once the application is closed.
 */
export async function closeBull(closable: BullClosable, { force = false, limitMs = BULL_CLOSE_LIMIT_MS } = {}): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limitMs)));
  const closed = closable.close(force).then(
    () => 'closed' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([closed, late]);
  clearTimeout(timer);
  if (outcome !== 'closed') await closable.getBackend().close(true).catch(() => undefined);
}
