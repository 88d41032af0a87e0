export { EventStoreDBEventStore } from './eventstoredb-event-store';
export { DEFAULT_RESILIENCE, type EventStoreDbResilience, type EventStoreLog } from './eventstoredb-resilience';
export type { EventStoreDBOptions } from './eventstoredb-event-store';
