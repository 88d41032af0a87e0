/**
 * The event store port on EventStoreDB, through `@eventstore/db-client`. One stream per case;
 * events are JSON with JSON metadata. EventStoreDB's own events are left out of $all reads and
 * subscriptions. Needs a server of version 22.10 or later (positions on stream reads).
 */
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, type AppendExpectedRevision } from '@eventstore/db-client';
import type { Channel } from '@grpc/grpc-js';
import type {
  AllSubscription,
  AppendAfterLastResult,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  StreamAppend,
} from '../event-store.port';
import { checkBatch } from '../batch-append';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import type { RetryPolicy } from 'cockatiel';
import { toPortError } from './eventstoredb-errors';
import { positionOf } from './eventstoredb-positions';
import { isSystemEvent, toEventData, toRecordedEvent } from './eventstoredb-records';
import {
  ConnectionState,
  DEFAULT_RESILIENCE,
  operationRetry,
  type EventStoreDbResilience,
  type EventStoreLog,
} from './eventstoredb-resilience';
import { EventStoreDBAllSubscription, type SubscriptionSource } from './eventstoredb-subscription';

/** Reads and builds before `appendAfterLast` gives up, other writers having appended first every time. */
const APPEND_AFTER_LAST_ATTEMPTS = 50;
/** Events fetched per $all request: system events are skipped, so a read may need several. */
const ALL_PAGE_SIZE = 500;

export interface EventStoreDBOptions {
  /** Retries, backoff and the silence watchdog; each unset one takes its default. */
  resilience?: Partial<EventStoreDbResilience>;
  /** Where state changes (unreachable, answers again, leader changed, a subscription dropped or resubscribed) are told. */
  log?: EventStoreLog;
}

export class EventStoreDBEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EventStoreDBAllSubscription>();
  private readonly resilience: EventStoreDbResilience;
  private readonly log: EventStoreLog;
  private readonly retry: RetryPolicy;
  private closed = false;
  private hasChannel = false;

  /** @param connectionString `esdb://host:2113?tls=false`, or a cluster's `esdb://a:2113,b:2113,c:2113` */
  constructor(connectionString: string, options: EventStoreDBOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.resilience = { ...DEFAULT_RESILIENCE, ...options.resilience };
    this.log = options.log ?? console;
    this.retry = operationRetry(this.resilience, new ConnectionState(this.log));
  }

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const batch = events.map(toEventData);
    try {
      // The same event ids on every attempt: an attempt whose answer was lost is not written twice.
      const result = await this.retry.execute(() =>
        this.connection().appendToStream(streamId, batch, { expectedRevision: toClientRevision(expected), requiresLeader: true }),
      );
      // An idempotent re-append writes nothing and the server reports no position: look it up.
      const position = result.position?.commit ?? (await this.positionAt(streamId, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw toPortError(error, streamId, expected);
    }
  }

  /** One stream after another: EventStoreDB has no transaction across streams (see the port). */
  async appendMany(writes: readonly StreamAppend[]): Promise<AppendResult[]> {
    checkBatch(writes);
    const results: AppendResult[] = [];
    for (const write of writes) results.push(await this.append(write.streamId, write.events, { expectedRevision: write.expectedRevision }));
    return results;
  }

  /**
   * EventStoreDB has no transaction: the last event is read, the events built on it are appended
   * expecting its revision, and when another writer appended first (WrongExpectedRevision), read and
   * built again, up to APPEND_AFTER_LAST_ATTEMPTS times. Clashes still happen here; they are retried
   * here rather than by the caller.
   */
  async appendAfterLast(streamId: string, build: (last: RecordedEvent | undefined) => readonly EventToAppend[]): Promise<AppendAfterLastResult> {
    for (let attempt = 1; ; attempt++) {
      const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 }).catch(noEventsIfNotFound);
      const events = build(last);
      checkBatch([{ streamId, events }]);
      try {
        return { ...(await this.append(streamId, events, { expectedRevision: last?.revision ?? 'no-stream' })), events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= APPEND_AFTER_LAST_ATTEMPTS) throw error;
      }
    }
  }

  /** From the leader: the case's state read before a write must include every write already made. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    try {
      return await this.retry.execute(async () => {
        const events: RecordedEvent[] = [];
        const read = this.connection().readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision ?? (backwards ? END : START),
          maxCount: options.maxCount,
          requiresLeader: true,
        });
        for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
        return events;
      });
    } catch (error) {
      throw toPortError(error, streamId);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const found: RecordedEvent[] = [];
    let after = options.after;
    let pageSize = 0;
    while (found.length < wanted) {
      // Doubles while pages hold few case events, so a long run of system events costs few requests.
      pageSize = Math.min(ALL_PAGE_SIZE, Math.max(wanted - found.length, pageSize * 2));
      // Forwards reads include their starting event, the one at `after`: ask for one more.
      const requested = pageSize + (!backwards && after !== undefined ? 1 : 0);
      const page = await this.readAllPage(after, backwards, requested);
      const beyond = page.filter((event) => after === undefined || (backwards ? event.position < after : event.position > after));
      found.push(...beyond.filter((event) => !isSystemEvent(event)).slice(0, wanted - found.length));
      if (page.length < requested) break;
      after = page[page.length - 1].position;
    }
    return found;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const source: SubscriptionSource = {
      open: (after) => this.connection().subscribeToAll({ fromPosition: after === undefined ? START : positionOf(after) }),
      readHead: () => this.readHead(),
    };
    const subscription = new EventStoreDBAllSubscription(source, options.after, this.resilience, this.log, (stopped) =>
      this.subscriptions.delete(stopped),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
    if (this.hasChannel) (await channelOf(this.client)).close();
  }

  /** The client, noting that it has opened a channel: asking an unused client for one would open it. */
  private connection(): EventStoreDBClient {
    this.hasChannel = true;
    return this.client;
  }

  private async readAllPage(after: bigint | undefined, backwards: boolean, maxCount: number): Promise<RecordedEvent[]> {
    try {
      return await this.retry.execute(async () => {
        const page: RecordedEvent[] = [];
        const read = this.connection().readAll({
          direction: backwards ? BACKWARDS : FORWARDS,
          fromPosition: after === undefined ? (backwards ? END : START) : positionOf(after),
          maxCount,
        });
        for await (const resolved of read) if (resolved.event) page.push(toRecordedEvent(resolved.event));
        return page;
      });
    } catch (error) {
      throw toPortError(error, undefined);
    }
  }

  /** Position of the newest event in $all, EventStoreDB's own included: the silence watchdog's yardstick. */
  private async readHead(): Promise<bigint | undefined> {
    const [newest] = await this.readAllPage(undefined, true, 1);
    return newest?.position;
  }

  private async positionAt(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event.position;
  }
}

function noEventsIfNotFound(error: unknown): RecordedEvent[] {
  if (error instanceof StreamNotFoundError) return [];
  throw error;
}

function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no-stream') return 'no_stream';
  if (expected === 'stream-exists') return 'stream_exists';
  return expected;
}

/** `dispose()` cancels the client's calls but leaves its gRPC channel open; the channel getter is protected. */
function channelOf(client: EventStoreDBClient): Promise<Channel> {
  return (client as unknown as { getChannel(): Promise<Channel> }).getChannel();
}
