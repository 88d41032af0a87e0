import type { EventStore } from '@case-journey/event-store';
import type { ServiceMetrics } from './service-metrics';

const TIMED = new Set<string | symbol>(['append', 'readStream', 'readAll']);

/**
 * The event store with each append and read timed into `case_journey_event_store_duration_seconds`.
 * A proxy rather than a class re-declaring the port, so a method added to the port passes through untimed.
 */
export function timedEventStore(store: EventStore, metrics: ServiceMetrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!TIMED.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        const end = metrics.eventStoreDuration.startTimer({ operation: String(property) });
        try {
          const result: unknown = await value.apply(target, args);
          end({ outcome: 'ok' });
          return result;
        } catch (error) {
          end({ outcome: error instanceof Error ? error.name : 'error' });
          throw error;
        }
      };
    },
  });
}
