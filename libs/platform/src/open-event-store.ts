import { Logger } from '@nestjs/common';
import { EventStoreDBEventStore, SqliteEventStore, type EventStore, type SqliteEventStoreOptions } from '@case-journey/event-store';
import type { AppConfiguration } from './app-configuration';

/**
 * The configured adapter: the embedded SQLite file by default, EventStoreDB in production.
 * `pageCacheKib`: the embedded store's page cache for this process (better-sqlite3's 16,000 KiB by default);
 * `checkpoints`: where the embedded store's log is copied back into its file (in the commit that fills it by default).
 */
export async function openEventStore(
  configuration: AppConfiguration,
  { pageCacheKib, checkpoints }: Pick<SqliteEventStoreOptions, 'pageCacheKib' | 'checkpoints'> = {},
): Promise<EventStore> {
  if (configuration.eventStore === 'eventstoredb') {
    // loadConfiguration has already refused EVENT_STORE=eventstoredb without a connection string.
    return new EventStoreDBEventStore(configuration.eventStoreConnectionString as string, {
      resilience: {
        retryInitialDelayMs: configuration.eventStoreRetryInitialMs,
        retryMaxDelayMs: configuration.eventStoreRetryMaxMs,
        operationAttempts: configuration.eventStoreOperationAttempts,
        silenceCheckMs: configuration.eventStoreSilenceCheckMs,
      },
      log: new Logger('EventStoreDB'),
    });
  }
  return SqliteEventStore.open({ dataDirectory: configuration.dataDirectory, ...(pageCacheKib !== undefined && { pageCacheKib }), ...(checkpoints && { checkpoints }) });
}
