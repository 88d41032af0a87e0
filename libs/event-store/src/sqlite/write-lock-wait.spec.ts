import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { EventToAppend } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { SqliteEventStore } from './sqlite-event-store';

const event = (data: object = {}): EventToAppend => ({ id: randomUUID(), type: 'HandoffRecorded', data });

/** Another process's connection to the same file, as the second API process has. */
class OtherWriter {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
  }

  /** Takes the write lock, as a write transaction does, until `release`. */
  holdLock(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  /** Appends inside the transaction holding the lock: seen by others once released. */
  append(streamId: string, revision: bigint, id: string): void {
    this.db
      .prepare("INSERT INTO events (event_id, stream_id, revision, type, data, metadata, created) VALUES (?, ?, ?, 'AuditRecorded', '{}', '{}', 0)")
      .run(id, streamId, revision);
  }

  release(): void {
    this.db.exec('COMMIT');
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}

/** Lets the event loop turn until `done`, a millisecond at a time (no assertion on how long it takes). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await pause(1);
}

describe('SqliteEventStore waiting for the write lock', () => {
  let root: string;
  let store: SqliteEventStore;
  let other: OtherWriter;
  const open = (busyTimeoutMs?: number) => {
    store = SqliteEventStore.open({ dataDirectory: root, ...(busyTimeoutMs !== undefined && { busyTimeoutMs }) });
    other = new OtherWriter(join(root, 'events.sqlite'));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'case-journey-lock-wait-'));
  });
  afterEach(async () => {
    other.close();
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  describe('given another connection holding the write lock', () => {
    it('waits without holding the event loop, and stores the append once the lock is released', async () => {
      open();
      other.holdLock();
      let ticks = 0;
      const ticking = setInterval(() => ticks++, 1);
      let settled = false;
      const appending = store.append('case-1', [event()]).finally(() => (settled = true));

      await until(() => ticks >= 3);
      const waitedWhileTicking = !settled;
      other.release();
      await appending;
      clearInterval(ticking);

      expect(waitedWhileTicking).toBe(true);
      expect(await store.readStream('case-1')).toHaveLength(1);
    });

    it('stores the appends waiting for it in the order they were asked for, a later one never first', async () => {
      open();
      other.holdLock();
      const [first, refused, second, afterOther, late] = [event(), event(), event(), event(), event()];
      const waiting = [
        store.append('case-1', [first], { expectedRevision: 'no-stream' }),
        store.append('case-1', [refused], { expectedRevision: 5n }),
        store.append('case-1', [second], { expectedRevision: 0n }),
        store.append('case-2', [afterOther]),
      ].map((append) => append.then(() => 'stored', (error: unknown) => error));

      other.release();
      // The lock is free before the waiting writes try again: this one still goes after them.
      const lateAppend = store.append('case-1', [late], { expectedRevision: 1n });
      const outcomes = await Promise.all(waiting);
      await lateAppend;

      expect(outcomes[1]).toBeInstanceOf(WrongExpectedRevisionError);
      expect(outcomes.filter((outcome) => outcome === 'stored')).toHaveLength(3);
      expect((await store.readAll()).map((stored) => stored.id)).toEqual([first, second, afterOther, late].map(({ id }) => id));
    });

    it('gives up after its busy timeout with an error naming the lock, storing nothing', async () => {
      open(100);
      other.holdLock();

      const appending = store.append('case-1', [event()]);

      await expect(appending).rejects.toMatchObject({ name: 'WriteLockTimeoutError', waitedMs: 100 });
      await expect(appending).rejects.toThrow(/write lock was held by another connection for 100 ms/);
      other.release();
      expect(await store.readAll()).toEqual([]);
    });

    it('appending after the last event, chains on what the other connection appended while it waited', async () => {
      open();
      const [start] = [event({ previous: null })];
      await store.append('audit', [start]);
      other.holdLock();
      const otherEntry = randomUUID();
      const builtOn: Array<string | undefined> = [];

      const appending = store.appendAfterLast('audit', (last) => (builtOn.push(last?.id), [event({ previous: last?.id })]));
      other.append('audit', 1n, otherEntry);
      other.release();
      const { events } = await appending;

      expect(builtOn).toEqual([otherEntry]);
      const stored = await store.readStream('audit');
      expect(stored.map((entry) => entry.id)).toEqual([start.id, otherEntry, events[0].id]);
      expect(stored[2].data).toEqual({ previous: otherEntry });
    });
  });

  it('closing, stores a write waiting for the lock before the connection closes', async () => {
    open();
    other.holdLock();
    const appending = store.append('case-1', [event()]);

    const closing = store.close();
    other.release();
    await closing;

    await expect(appending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = SqliteEventStore.open({ dataDirectory: root });
    expect(await reopened.readStream('case-1')).toHaveLength(1);
    await reopened.close();
  });
});
