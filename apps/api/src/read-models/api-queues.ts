import type { Logger } from '@nestjs/common';
import type { AppConfiguration } from '@case-journey/platform';
import { bullConnection, bullPrefix, failFastConnection, isRedisUnreachable, type QueueSite } from '@case-journey/projections';

/**
 * Where the API opens every BullMQ queue it adds jobs to or reads: a fail-fast connection (a command
 * is refused at once while Redis is away and never resent later), and each queue's connection errors
 * told per request, as 503 with Retry-After, instead of printed per reconnection attempt.
 */
export const apiQueueSite = (configuration: AppConfiguration): QueueSite => ({
  connection: failFastConnection(configuration.redisUrl, configuration.redisReadTimeoutMs),
  prefix: bullPrefix(configuration.redisKeyPrefix),
  onOpen: (queue) => void queue.on('error', () => undefined),
});

/** Where the API's own BullMQ workers (imports, retention) connect: they wait for Redis as long as it is away. */
export const apiWorkerSite = (configuration: AppConfiguration) => ({ connection: bullConnection(configuration.redisUrl), prefix: bullPrefix(configuration.redisKeyPrefix) });

/**
 * Hears an API worker's errors: one that says Redis is away is logged once a minute at most while it
 * lasts (the API has no RedisLink; requests are told per request), any other at once.
 */
export function hearWorkerErrors(worker: { on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger, jobs: string): void {
  let waitingSaidAt = -Infinity;
  worker.on('error', (error) => {
    if (!isRedisUnreachable(error)) logger.warn(`${jobs}: ${error.message}`);
    else if (Date.now() - waitingSaidAt >= 60_000) {
      waitingSaidAt = Date.now();
      logger.warn(`${jobs} wait for Redis (said once a minute while it is away): ${error.message}`);
    }
  });
}
