import { Logger } from '@nestjs/common';
import { EventStoreDBEventStore, SqliteEventStore, type EventStore } from '@case-journey/event-store';
import type { AppConfiguration } from './app-configuration';

/** The configured adapter: the embedded SQLite file by default, EventStoreDB in production. */
export async function openEventStore(configuration: AppConfiguration): Promise<EventStore> {
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
  return SqliteEventStore.open({ dataDirectory: configuration.dataDirectory });
}
