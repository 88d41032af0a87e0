/**
 * The port's catch-up subscription over the client's $all subscriptions. The client does not
 * resubscribe by itself: when its subscription fails on a transient error, is ended by the server,
 * or goes silent while $all moves (see `silence-watchdog.ts`), this opens a new one from the last
 * event it received, after a capped exponential backoff. Positions only ever increase across
 * subscriptions, so the consumer sees each event once and none is skipped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AllStreamSubscription } from '@eventstore/db-client';
import type { IBackoff } from 'cockatiel';
import type { AllSubscription, RecordedEvent } from '../event-store.port';
import { eventsOf, pagesOf } from '../subscription-pages';
import { isSystemEvent, toRecordedEvent } from './eventstoredb-records';
import { backoff, isTransient, summarise, type EventStoreDbResilience, type EventStoreLog } from './eventstoredb-resilience';
import { SilenceWatchdog, type SilenceCheck } from './silence-watchdog';

export interface SubscriptionSource {
  /** A client subscription to $all strictly after `after` (from the start when undefined). */
  open(after: bigint | undefined): AllStreamSubscription;
  /** Position of the newest event in $all, system events included. */
  readHead(): Promise<bigint | undefined>;
}

/** Why the client's subscription stopped, when it was not our doing. */
type Interruption = { kind: 'failed'; error: unknown } | { kind: 'ended' } | { kind: 'silent'; seen: SilenceCheck };

let subscriptionsOpened = 0;

/** Most events in one page: what arrived by the end of a turn of the event loop, up to the embedded store's read. */
const PAGE_SIZE = 2000;

export class EventStoreDBAllSubscription implements AllSubscription {
  private readonly name = `$all subscription #${++subscriptionsOpened}`;
  private readonly stopping = new AbortController();
  private readonly watchdog?: SilenceWatchdog;
  private current?: AllStreamSubscription;
  private silence?: SilenceCheck;
  /** Position of the last event received, system events included: where a resubscription starts. */
  private lastReceived: bigint | undefined;
  private paged: AsyncGenerator<RecordedEvent[]> | undefined;
  private events: AsyncGenerator<RecordedEvent> | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    after: bigint | undefined,
    private readonly resilience: EventStoreDbResilience,
    private readonly log: EventStoreLog,
    private readonly onStop: (subscription: EventStoreDBAllSubscription) => void,
  ) {
    this.lastReceived = after;
    if (resilience.silenceCheckMs > 0) {
      this.watchdog = new SilenceWatchdog(
        { intervalMs: resilience.silenceCheckMs, readHead: () => source.readHead(), onSilence: (seen) => this.restartSilent(seen) },
        after,
      );
    }
  }

  /** The client delivers events one at a time: a page is what arrived by the end of the turn. */
  pages(): AsyncIterable<readonly RecordedEvent[]> {
    return (this.paged ??= pagesOf(this.resubscribing(), PAGE_SIZE));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return (this.events ??= eventsOf(this.pages(), () => this.stopped));
  }

  private async *resubscribing(): AsyncGenerator<RecordedEvent> {
    let schedule: IBackoff<unknown> | undefined;
    let attempts = 0;
    this.watchdog?.start();
    try {
      while (!this.stopped) {
        const subscription = this.openFromLastReceived();
        subscription.once('confirmation', () => {
          if (schedule) this.resubscribed(attempts);
          // Confirmed: the outage is over, and the next drop starts a new backoff.
          schedule = undefined;
          attempts = 0;
        });
        const interruption = yield* this.deliver(subscription);
        if (this.stopped) return;
        if (!schedule) this.dropped(interruption);
        schedule = schedule ? schedule.next(undefined) : backoff(this.resilience).next();
        attempts++;
        if (!(await this.wait(schedule.duration))) return;
      }
    } finally {
      await this.unsubscribe();
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.stopped) return;
    this.stopping.abort();
    this.watchdog?.stop();
    this.onStop(this);
    await this.cancel(this.current);
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private openFromLastReceived(): AllStreamSubscription {
    this.silence = undefined;
    this.watchdog?.reset();
    this.current = this.source.open(this.lastReceived);
    // Its iteration sees every error; this keeps one emitted after it was cancelled from crashing the process.
    this.current.on('error', () => undefined);
    return this.current;
  }

  /** Yields the subscription's case events until it stops; answers why, or throws what is not worth a retry. */
  private async *deliver(subscription: AllStreamSubscription): AsyncGenerator<RecordedEvent, Interruption> {
    const messages = subscription[Symbol.asyncIterator]();
    try {
      for (;;) {
        this.watchdog?.awaiting();
        const message = await messages.next();
        this.watchdog?.received(message.done ? undefined : message.value.event?.position?.commit);
        if (message.done) return this.silence ? { kind: 'silent', seen: this.silence } : { kind: 'ended' };
        const resolved = message.value.event;
        if (!resolved) continue;
        const event = toRecordedEvent(resolved);
        if (this.lastReceived !== undefined && event.position <= this.lastReceived) continue;
        this.lastReceived = event.position;
        if (!isSystemEvent(event)) yield event;
      }
    } catch (error) {
      if (this.stopped) return { kind: 'ended' };
      if (this.silence) return { kind: 'silent', seen: this.silence };
      if (!isTransient(error)) throw error;
      return { kind: 'failed', error };
    } finally {
      this.watchdog?.received();
      await this.cancel(subscription);
    }
  }

  private restartSilent(seen: SilenceCheck): void {
    this.silence = seen;
    void this.cancel(this.current);
  }

  /** Waits out a backoff; false when the subscription was stopped meanwhile. */
  private async wait(milliseconds: number): Promise<boolean> {
    try {
      await sleep(milliseconds, undefined, { signal: this.stopping.signal });
      return true;
    } catch {
      return false;
    }
  }

  private dropped(interruption: Interruption): void {
    const after = this.lastReceived === undefined ? 'the start' : `position ${this.lastReceived}`;
    const why =
      interruption.kind === 'failed'
        ? `dropped (${summarise(interruption.error)})`
        : interruption.kind === 'ended'
          ? 'ended by the server'
          : `silent for ${this.resilience.silenceCheckMs} ms while $all moved on to ${interruption.seen.head}`;
    this.log.warn(`${this.name} ${why}: resubscribing after ${after}, with backoff`);
  }

  private resubscribed(attempts: number): void {
    this.log.log(`${this.name} resubscribed after ${attempts} attempt${attempts === 1 ? '' : 's'}`);
  }

  /** The client's subscription never ends by itself once cancelled: destroying it ends its iteration. */
  private async cancel(subscription: AllStreamSubscription | undefined): Promise<void> {
    if (!subscription || subscription.destroyed) return;
    try {
      await subscription.unsubscribe();
    } finally {
      subscription.destroy();
    }
  }
}
