import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
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
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store.port';
import { checkBatch } from '../batch-append';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import { CheckpointThread, type CheckpointPacing } from './checkpoint-thread';
import { EventLog, WAL_CHECKPOINT_PAGES } from './event-log';
import { checkExpectedRevision, isExpectedRevision, isSameWrite } from './expected-revision';
import { PollingAllSubscription, type PollingOptions } from './polling-all-subscription';
import { WriteLockQueue } from './write-lock-queue';

export interface SqliteEventStoreOptions {
  /** Directory of the database file; created when missing. */
  dataDirectory: string;
  /** File name inside the data directory (or an absolute path). Default `events.sqlite`. */
  filename?: string;
  /** How often a caught-up subscription looks for events written by other processes. Default 50 ms. */
  pollIntervalMs?: number;
  /**
   * Events a subscription reads per query. Default 2000. A consumer's batch never spans two reads,
   * so this bounds the batches a projection catches up in (the Victims' Code projection's are 2,000).
   */
  subscriptionBatchSize?: number;
  /**
   * How long a write waits for another process's write lock before failing with a
   * `WriteLockTimeoutError`. Default 5000 ms. It waits on a timer, the event loop free meanwhile;
   * opening the store (its schema) waits inside SQLite, as it is synchronous.
   */
  busyTimeoutMs?: number;
  /**
   * SQLite's page cache for this connection, in KiB (`PRAGMA cache_size`). Default better-sqlite3's
   * build: 16,000 KiB, not SQLite's 2,000; it fills as the store grows, which a process held to a
   * memory bound (the importer) cannot spare.
   */
  pageCacheKib?: number;
  /**
   * Where the write-ahead log is copied back into the file: inside the commit that fills it
   * (`wal_autocheckpoint`, the default), or on a thread of this process with a connection of its
   * own (`CheckpointThread`), so that the writer neither copies nor waits for the disk's sync. For a
   * process that writes a great deal in a row: a bulk import.
   */
  checkpoints?: 'in-commit' | 'on-thread';
  /** The checkpoint thread's pace: by default the writer's own (10,000 pages), its log's size looked at every 100 ms. */
  checkpointPacing?: Partial<CheckpointPacing>;
}

export type InMemorySqliteEventStoreOptions = Omit<SqliteEventStoreOptions, 'dataDirectory' | 'filename' | 'busyTimeoutMs' | 'checkpoints' | 'checkpointPacing'>;

const defaults = { filename: 'events.sqlite', pollIntervalMs: 50, subscriptionBatchSize: 2000, busyTimeoutMs: 5000, checkpoints: 'in-commit' as const };
/** How often the checkpoint thread looks at the log's size: a bulk import commits a batch about every 0.1 s. */
const CHECKPOINT_POLL_MS = 100;

/**
 * The embedded event store: one SQLite file in WAL mode, shared by the API process (writing)
 * and the worker process (reading and subscribing).
 */
export class SqliteEventStore implements EventStore {
  private readonly subscriptions = new Set<PollingAllSubscription>();
  private closed = false;
  private readonly writes: WriteLockQueue;

  private constructor(
    private readonly log: EventLog,
    private readonly polling: PollingOptions,
    busyTimeoutMs: number,
    private readonly checkpointThread?: CheckpointThread,
  ) {
    this.writes = new WriteLockQueue(busyTimeoutMs);
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const { dataDirectory, filename, pollIntervalMs, subscriptionBatchSize, busyTimeoutMs, pageCacheKib, checkpoints, checkpointPacing } = { ...defaults, ...options };
    mkdirSync(dataDirectory, { recursive: true });
    const path = isAbsolute(filename) ? filename : join(dataDirectory, filename);
    const db = new Database(path, { timeout: busyTimeoutMs });
    if (pageCacheKib !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.floor(pageCacheKib))}`);
    const log = new EventLog(db);
    const thread = checkpoints === 'on-thread' ? CheckpointThread.start(db, path, { walPages: WAL_CHECKPOINT_PAGES, pollMs: CHECKPOINT_POLL_MS, ...checkpointPacing }, busyTimeoutMs) : undefined;
    return new SqliteEventStore(log, { pollIntervalMs, batchSize: subscriptionBatchSize }, busyTimeoutMs, thread);
  }

  /** A private, throw-away store for tests: nothing is written to disk, nothing is shared. */
  static inMemory(options: InMemorySqliteEventStoreOptions = {}): SqliteEventStore {
    const { pollIntervalMs, subscriptionBatchSize, busyTimeoutMs } = { ...defaults, ...options };
    return new SqliteEventStore(new EventLog(new Database(':memory:')), { pollIntervalMs, batchSize: subscriptionBatchSize }, busyTimeoutMs);
  }

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedRevision: options.expectedRevision }]);
    return result;
  }

  async appendMany(writes: readonly StreamAppend[]): Promise<AppendResult[]> {
    checkBatch(writes);
    return this.writing((appendOne) => writes.map(appendOne));
  }

  /**
   * The last event read and the events written in one write transaction: another process's append
   * waits for the lock, then builds on these. A try that finds the lock taken reads and builds again.
   */
  async appendAfterLast(streamId: string, build: (last: RecordedEvent | undefined) => readonly EventToAppend[]): Promise<AppendAfterLastResult> {
    return this.writing((appendOne) => {
      const [last] = this.log.readStream(streamId, false, undefined, 1);
      const events = build(last);
      checkBatch([{ streamId, events }]);
      return { ...appendOne({ streamId, events, expectedRevision: last?.revision ?? 'no-stream' }), events };
    });
  }

  /**
   * Runs `work` in one write transaction once the writes asked for before it are done and the write
   * lock is free, whole again on each try (each expected revision checked again); see WriteLockQueue.
   */
  private writing<T>(work: (appendOne: (write: StreamAppend) => AppendResult) => T): Promise<T> {
    return this.writes.run(() => this.tryWriting(work));
  }

  /**
   * One try of `work` in one write transaction, `appendOne` storing each write it is given (or
   * recognising it as stored already); the subscriptions are told when anything was written.
   */
  private tryWriting<T>(work: (appendOne: (write: StreamAppend) => AppendResult) => T): T {
    let current: StreamAppend | undefined;
    let appended = false;
    const appendOne = (write: StreamAppend): AppendResult => {
      current = write;
      const expected = write.expectedRevision ?? 'any';
      if (this.log.placeOf(write.streamId, write.events[0].id)) return this.repeatedWrite(write.streamId, write.events, expected);
      appended = true;
      return this.write(write.streamId, write.events, expected);
    };
    let result: T;
    try {
      result = this.log.exclusivelyIfFree(() => work(appendOne));
    } catch (error) {
      // The transaction is rolled back: nothing of the batch is stored.
      if (!isEventIdClash(error) || !current) throw error;
      throw this.idClash(current.streamId, current.events, current.expectedRevision ?? 'any');
    }
    if (appended) this.subscriptions.forEach((subscription) => subscription.ring());
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction = 'forwards', fromRevision, maxCount } = options;
    const events = this.log.readStream(streamId, direction === 'forwards', fromRevision, maxCount);
    // Read whole and found empty, the stream has no event: its head is asked only after a partial read (a bulk import reads whole every case it opens).
    const whole = fromRevision === undefined && maxCount === undefined;
    if (events.length === 0 && (whole || this.log.head(streamId) === undefined)) throw new StreamNotFoundError(streamId);
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { direction = 'forwards', after, maxCount } = options;
    return this.log.readAll(direction === 'forwards', after, maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new PollingAllSubscription(
      (after, maxCount) => this.log.readAll(true, after, maxCount),
      options.after,
      this.polling,
      (ended) => this.subscriptions.delete(ended),
    );
    if (this.closed) void subscription.unsubscribe();
    else this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    // A write waiting for the lock was accepted: it is stored or refused before the connection closes.
    await this.writes.whenIdle();
    await this.checkpointThread?.stop();
    this.log.close();
  }

  private write(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const head = this.log.head(streamId);
    checkExpectedRevision(streamId, expected, head);
    const created = Date.now();
    const first = head === undefined ? 0n : head + 1n;
    const position = this.log.insert(
      events.map((event, index) => ({
        id: event.id,
        streamId,
        revision: first + BigInt(index),
        type: event.type,
        data: JSON.stringify(event.data ?? null),
        metadata: JSON.stringify(event.metadata ?? {}),
        created,
      })),
    );
    return { nextExpectedRevision: first + BigInt(events.length - 1), position };
  }

  /** The batch's first id is stored already: either this exact write is being repeated, or it clashes. */
  private repeatedWrite(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const places = events.map((event) => this.log.placeOf(streamId, event.id));
    const first = places[0]!;
    const repeated = places.every(
      (place, index) => place?.stream_id === streamId && place.revision === first.revision + BigInt(index),
    );
    if (!repeated || !isSameWrite(expected, first.revision)) throw this.idClash(streamId, events, expected);
    const last = places[places.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /**
   * Some ids of the batch are taken and this is not a repeat of the write that stored them.
   * A write that would be refused anyway gets the usual wrong-revision answer; otherwise the ids
   * themselves are the problem.
   */
  private idClash(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Error {
    const head = this.log.head(streamId);
    if (!isExpectedRevision(expected, head)) return new WrongExpectedRevisionError(streamId, expected, head ?? 'no-stream');
    const seen = new Set<string>();
    for (const { id } of events) {
      const place = this.log.clashingPlaceOf(streamId, id);
      if (place) return new DuplicateEventIdError(id, place.stream_id);
      if (seen.has(id)) return new DuplicateEventIdError(id, undefined);
      seen.add(id);
    }
    return new Error(`Stream ${streamId}: the batch's event ids clash with stored ones`);
  }
}

/**
 * Recognised by its code and message, never by `instanceof`: the native addon keeps the error class
 * of the first copy of better-sqlite3 loaded in the process, built on that copy's realm's Error, and
 * a later copy (jest loads one per test file, each in its own realm) throws errors of that class.
 */
function isEventIdClash(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
}
