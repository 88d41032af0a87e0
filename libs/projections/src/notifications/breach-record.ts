import { v5 as nameUuid } from 'uuid';
import { StreamNotFoundError, type EventStore } from '@case-journey/event-store';
import type { Notification } from './notification';

/** The stream of one case's breach notifications: not `case-…`, so the projections pass it by. */
export const notifiedStreamId = (caseId: string): string => `notified-${caseId}`;
export const BREACH_NOTIFIED = 'BreachNotified';

/** Fixed namespace of the ids of BreachNotified events (one per notification id). */
const NOTIFIED_NAMESPACE = '0d3b1f2e-6c1a-4e7b-9f55-8a2c4b6d8e10';

/**
 * Which breaches were told, kept where Redis losing its data cannot reach: the event store. Each
 * notification raised is appended, once it is stored and handed to the webhook outbox, as a
 * `BreachNotified` event of the case's `notified-{caseId}` stream, its id derived from the
 * notification's (appending it again is a no-op). A breach found in it is not told again, whatever
 * Redis has forgotten; its notification is listed again as it was first raised.
 */
export class BreachRecord {
  constructor(private readonly store: EventStore) {}

  /** The notification as first raised, if this breach was told (or listed as historical) before. */
  async told(caseId: string, notificationId: string): Promise<Notification | undefined> {
    const events = await this.store.readStream(notifiedStreamId(caseId)).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError || (error as Error)?.name === 'StreamNotFoundError') return [];
      throw error;
    });
    return events.find((event) => event.type === BREACH_NOTIFIED && (event.data as Notification).id === notificationId)?.data as Notification | undefined;
  }

  async remember(notification: Notification): Promise<void> {
    await this.store.append(notifiedStreamId(notification.caseId), [
      { id: nameUuid(notification.id, NOTIFIED_NAMESPACE), type: BREACH_NOTIFIED, data: notification, metadata: { occurredAt: notification.raisedAt } },
    ]);
  }
}
