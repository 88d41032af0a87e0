import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import { isLockBusy } from './write-lock-queue';

/**
 * The SQLite table behind the embedded store, one row per event. `position` is the rowid, so
 * SQLite hands it out inside the write lock: positions follow commit order even with several
 * processes writing, which is what lets a poller resume from its checkpoint without gaps.
 * AUTOINCREMENT keeps a position from ever being handed out twice.
 *
 * An event id is unique within its stream, as in EventStoreDB, whose de-duplication is per stream.
 * The index leads with the stream, so a batch's entries share the pages of its few streams; keyed
 * on the id alone (hashes), each event dirtied a page of its own, and a bulk import spent about
 * half its appends writing and syncing those pages.
 */
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  TEXT    NOT NULL,
    stream_id TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    type      TEXT    NOT NULL,
    data      TEXT    NOT NULL,
    metadata  TEXT    NOT NULL,
    created   INTEGER NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  ) STRICT;
`;

const columns = 'position, event_id, stream_id, revision, type, data, metadata, created';
/** Largest SQLite integer: the open end of a backwards read. */
const END = 9223372036854775807n;
/**
 * Pages the write-ahead log may hold before a commit copies them into the database file (SQLite's
 * default is 1,000, 4 MB). Events' ids are hashes, so each event lands on its own page of the id
 * index: a batch of 1,000 events dirtied about as many pages, and with SQLite's default nearly every
 * batch was copied back and synced at once, each page again in the next. With a longer log a page
 * changed by many batches is copied once, and the commit that does it syncs the disk a tenth as often.
 */
export const WAL_CHECKPOINT_PAGES = 10_000;
/** SQLite's "no limit". */
const UNLIMITED = -1;
/** Rows of one INSERT: a stream's events go in one statement, not a statement each (7 parameters a row, far below SQLite's 32,766). */
const ROWS_PER_INSERT = 64;
const INSERT = 'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, created) VALUES ';

/**
 * A row as its columns' values in `columns`' order: the reads take rows as arrays (better-sqlite3's
 * raw mode) rather than objects whose eight properties it defines one by one from C++ for every
 * row, which a projection's catch-up pays for each event of the log.
 */
type EventRow = [position: bigint, eventId: string, streamId: string, revision: bigint, type: string, data: string, metadata: string, created: bigint];

export interface StoredEventPlace {
  stream_id: string;
  revision: bigint;
  position: bigint;
}

export interface NewEventRow {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

export class EventLog {
  private readonly statements;
  private readonly transaction;
  /** The connection's busy timeout as opened: how long a read may wait for a lock, should it ever have to. */
  private readonly busyTimeoutMs: number;
  /** The INSERT of n rows, prepared once for each n used. */
  private readonly inserts = new Map<number, Database.Statement>();
  /** True for a file made before ids were unique per stream: its table keeps the index on the id alone, and SQLite cannot drop it in place. */
  readonly idsUniqueAcrossLog: boolean;

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.exec(schema);
    this.idsUniqueAcrossLog = hasIdIndexAcrossLog(db);
    const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
    this.statements = {
      head: prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').pluck(),
      place: prepare('SELECT stream_id, revision, position FROM events WHERE stream_id = ? AND event_id = ?'),
      placeInLog: prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      streamForwards: prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`).raw(true),
      streamBackwards: prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`).raw(true),
      // The whole of a stream, without LIMIT: with -1 bound as its limit SQLite took about six times as long to find
      // a stream empty (42 µs against 7), which a bulk import does for every case it opens.
      wholeStreamForwards: prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`).raw(true),
      wholeStreamBackwards: prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC`).raw(true),
      allForwards: prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
      allBackwards: prepare(`SELECT ${columns} FROM events WHERE position < ? ORDER BY position DESC LIMIT ?`).raw(true),
    };
    this.transaction = db.transaction(<T>(work: () => T): T => work());
    // Opened (the schema above), the connection waits for no lock: see exclusivelyIfFree and `read`.
    this.busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
  }

  /**
   * Runs `work` under SQLite's write lock (BEGIN IMMEDIATE), so no other process commits in between,
   * if the lock is free: if another connection holds it, fails at once with SQLITE_BUSY, nothing of
   * `work` stored, rather than SQLite's busy handler sleeping on this thread until the lock is free.
   */
  exclusivelyIfFree<T>(work: () => T): T {
    return this.transaction.immediate(work) as T;
  }

  /** Revision of the stream's last event, undefined when the stream has none. */
  head(streamId: string): bigint | undefined {
    return this.read(() => this.statements.head.get(streamId) as bigint | undefined);
  }

  placeOf(streamId: string, eventId: string): StoredEventPlace | undefined {
    return this.read(() => this.statements.place.get(streamId, eventId) as StoredEventPlace | undefined);
  }

  /** Where a stored id stands in the way of a write to `streamId`: in that stream, or anywhere in a file made with ids unique across the log. */
  clashingPlaceOf(streamId: string, eventId: string): StoredEventPlace | undefined {
    if (!this.idsUniqueAcrossLog) return this.placeOf(streamId, eventId);
    return this.read(() => this.statements.placeInLog.get(eventId) as StoredEventPlace | undefined);
  }

  /** Inserts the rows in their order; returns the last one's position. */
  insert(rows: readonly NewEventRow[]): bigint {
    let position = 0n;
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const part = rows.slice(start, start + ROWS_PER_INSERT);
      const values = part.flatMap(({ id, streamId, revision, type, data, metadata, created }) => [id, streamId, revision, type, data, metadata, created]);
      position = this.insertOf(part.length).run(values).lastInsertRowid as bigint;
    }
    return position;
  }

  private insertOf(rows: number): Database.Statement {
    const known = this.inserts.get(rows);
    if (known) return known;
    const statement = this.db.prepare(INSERT + Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')).safeIntegers(true);
    this.inserts.set(rows, statement);
    return statement;
  }

  readStream(streamId: string, forwards: boolean, fromRevision: bigint | undefined, maxCount?: number): RecordedEvent[] {
    const from = fromRevision ?? (forwards ? 0n : END);
    if (maxCount === undefined) {
      const whole = forwards ? this.statements.wholeStreamForwards : this.statements.wholeStreamBackwards;
      return this.read(() => whole.all(streamId, from) as EventRow[]).map(toRecordedEvent);
    }
    const statement = forwards ? this.statements.streamForwards : this.statements.streamBackwards;
    return this.read(() => statement.all(streamId, from, maxCount) as EventRow[]).map(toRecordedEvent);
  }

  readAll(forwards: boolean, after: bigint | undefined, maxCount?: number): RecordedEvent[] {
    const statement = forwards ? this.statements.allForwards : this.statements.allBackwards;
    const rows = this.read(() => statement.all(after ?? (forwards ? 0n : END), maxCount ?? UNLIMITED) as EventRow[]);
    return rows.map(toRecordedEvent);
  }

  /**
   * Runs a read, and should it find a lock taken (in WAL mode only while another connection recovers
   * a crashed writer's log, or closes as the file's last), runs it again waiting for it as SQLite
   * does, on this thread: a read has no queue to wait in, and is refused the lock all but never.
   */
  private read<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      if (!isLockBusy(error) || this.db.inTransaction) throw error;
      this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
      try {
        return query();
      } finally {
        this.db.pragma('busy_timeout = 0');
      }
    }
  }

  close(): void {
    this.db.close();
  }
}

function toRecordedEvent([position, id, streamId, revision, type, data, metadata, created]: EventRow): RecordedEvent {
  return { id, streamId, type, revision, position, data: JSON.parse(data), metadata: JSON.parse(metadata), created: new Date(Number(created)) };
}

/** Whether the events table has a unique index on `event_id` alone, as files made before 2026-12-01 have. */
function hasIdIndexAcrossLog(db: Database.Database): boolean {
  const indexes = db.pragma('index_list(events)') as { name: string; unique: number }[];
  return indexes.some(({ name, unique }) => {
    if (unique !== 1) return false;
    const columns = db.pragma(`index_info(${JSON.stringify(name)})`) as { name: string }[];
    return columns.length === 1 && columns[0].name === 'event_id';
  });
}
