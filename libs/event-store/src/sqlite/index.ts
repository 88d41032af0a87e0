export { SqliteEventStore } from './sqlite-event-store';
export type { SqliteEventStoreOptions, InMemorySqliteEventStoreOptions } from './sqlite-event-store';
export { DuplicateEventIdError } from './duplicate-event-id.error';
export { WriteLockTimeoutError } from './write-lock-queue';
