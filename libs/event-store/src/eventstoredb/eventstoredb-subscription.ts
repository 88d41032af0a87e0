/**
 * The port's catch-up subscription over the client's $all subscription. The client's stream
 * never ends by itself once cancelled, so `unsubscribe()` also destroys it, which ends iteration.
 */
import type { AllStreamSubscription } from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { isSystemEvent, toRecordedEvent } from './eventstoredb-records';

export class EventStoreDBAllSubscription implements AllSubscription {
  private stopped = false;

  constructor(
    private readonly source: AllStreamSubscription,
    /** Exclusive checkpoint, enforced here too so that a server including it would not repeat an event. */
    private readonly after: bigint | undefined,
    private readonly onStop: (subscription: EventStoreDBAllSubscription) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      for await (const resolved of this.source) {
        if (!resolved.event || isSystemEvent(resolved.event)) continue;
        const event = toRecordedEvent(resolved.event);
        if (this.after === undefined || event.position > this.after) yield event;
      }
    } catch (error) {
      if (!this.stopped) throw error;
    } finally {
      await this.unsubscribe();
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop(this);
    try {
      await this.source.unsubscribe();
    } finally {
      this.source.destroy();
    }
  }
}
