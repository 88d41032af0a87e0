import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { EventToAppend } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/** Events of about 1 KB each: a batch of 50 fills about fourteen 4 KiB pages of the log. */
const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type: 'HandoffRecorded', data: { index, note: 'x'.repeat(1000) } }));

const MiB = 2 ** 20;
/** The log file a restart leaves (`journal_size_limit`), and the pace of the tests below: 50 frames of a 4 KiB page and its 24-byte header. */
const LOG_KEPT_BYTES = MiB;
const PACE_BYTES = 50 * (4096 + 24);

describe('SqliteEventStore with its checkpoints on a thread', () => {
  let directory: string;
  const file = () => join(directory, 'events.sqlite');
  const walSize = () => (existsSync(`${file()}-wal`) ? statSync(`${file()}-wal`).size : 0);
  /** Only a checkpoint writes the database file (the writer's own are off): it grows as the log's new pages are copied into it. */
  const databaseSize = () => statSync(file()).size;
  /**
   * Resolves once the thread has copied the log back, which it does once the log passes its pace: the
   * writer waits for that rather than for a time, so that however late a loaded machine runs the
   * thread, the log's size shows what the thread and the restarts do, not how far the writer ran ahead.
   */
  const copiedBack = async (since: number) => {
    for (const deadline = Date.now() + 20_000; databaseSize() <= since; await sleep(2)) {
      if (Date.now() > deadline) throw new Error(`The thread copied nothing back in 20 s (log ${walSize()} bytes)`);
    }
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'case-journey-checkpoints-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  describe('given a pace of 50 pages (about 200 KB of log)', () => {
    it('copies the log back as it grows: once the thread is at work, 10 MB of events later the log file is still under 2 MiB', async () => {
      // The writer's own checkpoint would wait for 10,000 pages (about 40 MB): all 10 MB would still be in the log.
      const store = SqliteEventStore.open({ dataDirectory: directory, checkpoints: 'on-thread', checkpointPacing: { walPages: 50, pollMs: 5 } });
      let batch = 0;
      let copied = databaseSize();
      const appendBatch = async () => {
        await store.append(`case-${(batch += 1)}`, events(50));
        await sleep(2);
        if (walSize() < LOG_KEPT_BYTES + PACE_BYTES) return;
        await copiedBack(copied);
        copied = databaseSize();
      };
      // The thread starts (under jest it compiles its module first): its first copy shows as the log file cut back after a restart.
      let previous = 0;
      while (walSize() >= previous && batch < 3000) {
        previous = walSize();
        await appendBatch();
      }
      expect(walSize()).toBeLessThan(previous);
      let largest = 0;
      for (let more = 0; more < 200; more += 1) {
        await appendBatch();
        largest = Math.max(largest, walSize());
      }
      await store.close();
      // 200 batches of 50 events of about 1 KB: 10 MB written. After a restart the log's file is kept at 1 MiB
      // (journal_size_limit), and grows by a batch (about 100 KB of frames) or a few before the thread's next look.
      expect(largest).toBeLessThan(2 * MiB);
    });

    it('loses nothing: every event is in the file for a fresh connection, and the log is gone once the store is closed', async () => {
      const store = SqliteEventStore.open({ dataDirectory: directory, checkpoints: 'on-thread', checkpointPacing: { walPages: 50, pollMs: 5 } });
      for (let batch = 0; batch < 40; batch += 1) {
        await store.appendMany([
          { streamId: `case-${batch}-a`, events: events(25) },
          { streamId: `case-${batch}-b`, events: events(25) },
        ]);
        await sleep(2);
      }
      await store.close();
      // The thread's connection was closed first, so the writer's close was the last: it copied the rest back and removed the log.
      expect(existsSync(`${file()}-wal`)).toBe(false);
      const db = new Database(file(), { readonly: true });
      expect(db.prepare('SELECT count(*) AS events, count(DISTINCT stream_id) AS streams FROM events').get()).toEqual({ events: 2000, streams: 80 });
      db.close();
    });
  });

  describe('given the default pace', () => {
    it('closes without waiting for anything more than the thread to stop, and can be opened again', async () => {
      const store = SqliteEventStore.open({ dataDirectory: directory, checkpoints: 'on-thread' });
      await store.append('case-1', events(3));
      await store.close();
      const again = SqliteEventStore.open({ dataDirectory: directory, checkpoints: 'on-thread' });
      await again.append('case-1', events(2), { expectedRevision: 2n });
      expect((await again.readStream('case-1')).map(({ revision }) => revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      await again.close();
    });
  });
});
