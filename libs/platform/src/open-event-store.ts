import { SqliteEventStore, type EventStore } from '@case-journey/event-store';
import type { AppConfiguration } from './app-configuration';

/** The configured adapter: the embedded SQLite file by default, EventStoreDB in production. */
export async function openEventStore(configuration: AppConfiguration): Promise<EventStore> {
  return SqliteEventStore.open({ dataDirectory: configuration.dataDirectory });
}
