import { ConnectionClosedError, type Queue } from 'bullmq';

/** What ioredis and BullMQ say when Redis cannot be reached: the command never got an answer. */
const UNREACHABLE_MESSAGES = new Set([
  'Connection is closed.',
  'Command timed out',
  "Stream isn't writeable and enableOfflineQueue options is false",
]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether an error says Redis could not be reached (refused, reset, timed out, or the client gave
 * the command up), as opposed to Redis answering with an error: the first is worth a 503 and a
 * retry, the second is a bug.
 */
export function isRedisUnreachable(error: unknown): boolean {
  // Not `instanceof Error`: a socket's errors come from Node's own realm, which is not a test's.
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  if (typeof message !== 'string') return false;
  if (error instanceof ConnectionClosedError || name === 'MaxRetriesPerRequestError' || error instanceof RedisUnavailableError) return true;
  return UNREACHABLE_MESSAGES.has(message) || (typeof code === 'string' && UNREACHABLE_CODES.has(code)) || /\b(ECONNREFUSED|ECONNRESET)\b/.test(message);
}

/** Redis (the read models, the job queues) did not answer within the bound, or refused the connection. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  constructor(why: string) {
    super(`Redis (read models, job queues) cannot be reached: ${why}`);
  }
}

/**
 * Waits, at most `ms`, for a queue to be connected, and fails if it is not: a job added to a queue
 * still connecting (BullMQ connects a queue when first used) would wait for Redis and be added
 * whenever it comes back, long after its request was answered 503. Call it before adding a job
 * someone asked for, on a queue opened with `failFastConnection`.
 */
export async function queueReadyWithin(queue: Pick<Queue, 'waitUntilReady'>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RedisUnavailableError(`the queue did not connect within ${ms} ms`)), ms)));
  try {
    // Once connected, a fail-fast connection refuses a command at once while Redis is away.
    await Promise.race([queue.waitUntilReady(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Options of a connection that only adds jobs or reads (an API's queues): a command fails at once
 * while Redis is away, rather than waiting in ioredis' offline queue to run whenever Redis comes back
 * (a rebuild asked for during an outage, answered 503, must not start later as a surprise), and a
 * command sent just before the connection dropped is not sent again on reconnection.
 * BullMQ asks a new connection's server version (INFO) once, under the command timeout, and a
 * connection whose question failed stays failed for the life of its queue: one slow answer on a busy
 * machine left /health at 503 for good. Such a connection skips the question; the version is checked
 * by the worker's connections, which wait for their answers.
 */
export const failFastConnection = (redisUrl: string, commandTimeoutMs: number) => ({
  url: redisUrl,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  commandTimeout: commandTimeoutMs,
  skipVersionCheck: true,
});
