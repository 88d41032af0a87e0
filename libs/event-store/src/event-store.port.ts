/**
 * The event store port. Two adapters implement it (embedded SQLite, EventStoreDB) and both
 * pass the same contract suite (`testing/event-store.contract.ts`).
 *
 * Revisions are 0-based positions of an event inside its stream; positions are places in the
 * global log ($all), strictly increasing in commit order. Both are bigint, as in EventStoreDB.
 */

/** What the writer believes the stream's last revision to be. */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | bigint;

export interface EventToAppend {
  /**
   * UUID. Re-appending a batch whose ids were already stored is a no-op (idempotent write).
   * EventStoreDB guarantees that under 'any' only while the ids are in its cache of recent writes;
   * an exact expected revision makes it dependable, which is how the API writes.
   */
  id: string;
  type: string;
  data: unknown;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  position: bigint;
  data: unknown;
  metadata: Record<string, unknown>;
  /** When the store committed it. */
  created: Date;
}

export interface AppendOptions {
  /** Defaults to 'any'. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the batch's last event (for an idempotent re-append, where it was stored the first time). */
  nextExpectedRevision: bigint;
  /** Global position of the last event written (or of the existing one, for an idempotent re-append). */
  position: bigint;
}

/** What `appendAfterLast` wrote: the events `build` made, and where they were stored. */
export interface AppendAfterLastResult extends AppendResult {
  events: readonly EventToAppend[];
}

/** One stream's part of a batch append: its events, in order, and the revision the writer expects. */
export interface StreamAppend {
  streamId: string;
  events: readonly EventToAppend[];
  /** Defaults to 'any'. */
  expectedRevision?: ExpectedRevision;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: ReadDirection;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: ReadDirection;
  /** Exclusive: events strictly after this position (forwards) or before it (backwards). Omitted: from the start / end. */
  after?: bigint;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events strictly after this position. Omitted: from the very start. */
  after?: bigint;
}

/**
 * A catch-up subscription: every stored event after the checkpoint, then live ones, in position
 * order. Taken either a page at a time (`pages()`) or, iterated itself, an event at a time: one way
 * only, and once.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /**
   * The events in pages, as the store has them ready: each page non-empty, in position order, and
   * never spanning two of the store's reads. A consumer that commits per batch (a projection) waits
   * once per page rather than once per event, which a catch-up of a long log pays for every event.
   */
  pages(): AsyncIterable<readonly RecordedEvent[]>;
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams at once, each write checked and de-duplicated as `append` checks it,
   * and answers one result per write, in order. A stream named twice is refused (RangeError).
   * Bulk loads use it to write many cases per round trip. The embedded store writes the whole batch
   * in one transaction: all of it or none. EventStoreDB has no transaction across streams, so it
   * writes them one after another: a refused write stops the batch, and the writes before it stay.
   */
  appendMany(writes: readonly StreamAppend[]): Promise<AppendResult[]>;
  /**
   * Appends the events `build` makes from the stream's last event (undefined: the stream has none),
   * with nothing written to the stream in between, for a stream whose every event follows from the
   * one before it (a hash chain). `build` must be synchronous and without side effects: it may be
   * called more than once. The embedded store reads, builds and writes in one write transaction, so
   * writers, processes included, take turns and never clash. EventStoreDB has no transaction: it
   * appends expecting the revision it read, and when another writer got there first, reads and
   * builds again, a bounded number of times.
   */
  appendAfterLast(streamId: string, build: (last: RecordedEvent | undefined) => readonly EventToAppend[]): Promise<AppendAfterLastResult>;
  /** Throws StreamNotFoundError when the stream has no event. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  close(): Promise<void>;
}

/** Injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
