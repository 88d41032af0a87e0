import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type AllSubscription, type EventStore, type RecordedEvent } from '@case-journey/event-store';
import { caseIdOfStream } from '@case-journey/projections';

/** One line for the operator's log per handoff recorded, from the moment the worker starts. */
export function describeHandoff(event: RecordedEvent): string {
  const metadata = event.metadata as { agency?: string; occurredAt?: string };
  return `${event.streamId}@${event.revision} ${event.type} by ${metadata.agency ?? 'unknown agency'} (happened ${metadata.occurredAt ?? '?'})`;
}

/**
 * Follows the global log live, and says the handoffs: the events of case streams. The log holds
 * others (the audit log's, and the worker's own `BreachNotified` records of `notified-…` streams),
 * which no agency handed off. It is the worker's first duty; the projections and deadline jobs
 * of the next issue subscribe the same way, each from its own checkpoint.
 */
@Injectable()
export class HandoffFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HandoffFeed.name);
  private subscription?: AllSubscription;
  private following?: Promise<void>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    this.subscription = this.store.subscribeToAll({ after: last?.position });
    this.logger.log(`Following the event log after position ${last?.position ?? 'start'}`);
    this.following = this.follow(this.subscription);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.unsubscribe();
    await this.following;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (caseIdOfStream(event.streamId) !== undefined) this.logger.log(describeHandoff(event));
      }
    } catch (error) {
      this.logger.error(`The event log subscription failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
