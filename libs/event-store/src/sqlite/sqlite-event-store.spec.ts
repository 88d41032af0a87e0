import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { AllSubscription, EventToAppend, RecordedEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import { SqliteEventStore } from './sqlite-event-store';

const run = promisify(execFile);
const repositoryRoot = join(__dirname, '../../../..');

const events = (count: number, type = 'HandoffRecorded'): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type, data: { index } }));

/** Pulls `count` events without closing the subscription (a for-await `break` would end it). */
async function take(subscription: AllSubscription, count: number): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const result = await iterator.next();
    if (result.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    taken.push(result.value);
  }
  return taken;
}

describe('SqliteEventStore', () => {
  let root: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: { pollIntervalMs?: number; subscriptionBatchSize?: number } = {}) => {
    const store = SqliteEventStore.open({ dataDirectory: join(root, 'data', 'events'), ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'case-journey-sqlite-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(root, { recursive: true, force: true });
  });

  describe('given a data directory that does not exist yet', () => {
    it('creates it and one database file in WAL mode', async () => {
      await open().append('case-1', events(1));
      const file = join(root, 'data', 'events', 'events.sqlite');
      expect(existsSync(file)).toBe(true);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    });
  });

  describe('given a store closed and opened again', () => {
    it('keeps the events and goes on numbering after them', async () => {
      const first = open();
      const written = await first.append('case-1', events(3));
      await first.close();

      const reopened = open();
      expect(await reopened.readStream('case-1')).toHaveLength(3);
      const next = await reopened.append('case-1', events(1), { expectedRevision: 2n });
      expect(next.nextExpectedRevision).toBe(3n);
      expect(next.position > written.position).toBe(true);
    });
  });

  describe('given a write of more events than one INSERT holds (64 rows)', () => {
    it('stores them all in order, at consecutive positions, and answers the last one', async () => {
      const store = open();
      await store.append('case-0', events(1));
      const written = events(150);
      const result = await store.append('case-1', written, { expectedRevision: 'no-stream' });

      const stored = await store.readStream('case-1');
      expect(stored.map((event) => event.id)).toEqual(written.map((event) => event.id));
      expect(stored.map((event) => event.revision)).toEqual(written.map((_, index) => BigInt(index)));
      // Position 1 is case-0's event: case-1's are 2 to 151.
      expect(stored.map((event) => event.position)).toEqual(written.map((_, index) => BigInt(index + 2)));
      expect(result).toEqual({ nextExpectedRevision: 149n, position: 151n });
      expect(stored[149].data).toEqual({ index: 149 });
    });
  });

  describe('given a file made when event ids were unique across the whole log', () => {
    /** The table as files made before 2026-12-01 have it: the id indexed alone. */
    const makeEarlierFile = () => {
      const directory = join(root, 'data', 'events');
      mkdirSync(directory, { recursive: true });
      const db = new Database(join(directory, 'events.sqlite'));
      db.exec(`CREATE TABLE events (
        position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
        created INTEGER NOT NULL, UNIQUE (stream_id, revision)) STRICT`);
      db.close();
    };

    it('still refuses a batch reusing an id stored in another stream, storing none of it', async () => {
      makeEarlierFile();
      const store = open();
      const [taken] = events(1);
      await store.append('case-1', [taken]);
      const batch = [...events(2), taken];

      const failure = store.append('case-2', batch, { expectedRevision: 'no-stream' });
      await expect(failure).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(failure).rejects.toMatchObject({ eventId: taken.id, storedInStream: 'case-1' });
      expect(await store.readAll()).toHaveLength(1);
    });

    it('de-duplicates a repeated write and appends new events as a new file does', async () => {
      makeEarlierFile();
      const store = open();
      const batch = events(2);
      const first = await store.append('case-1', batch, { expectedRevision: 'no-stream' });
      expect(await store.append('case-1', batch, { expectedRevision: 'no-stream' })).toEqual(first);
      await store.append('case-1', events(1), { expectedRevision: 1n });
      expect((await store.readStream('case-1')).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
    });
  });

  describe('given event ids unique within each stream', () => {
    it('refuses a batch reusing an id stored earlier in the same stream, storing none of it', async () => {
      const store = open();
      const [taken] = events(1);
      await store.append('case-1', [taken]);
      const batch = [...events(2), taken];

      const failure = store.append('case-1', batch, { expectedRevision: 0n });
      await expect(failure).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(failure).rejects.toMatchObject({ eventId: taken.id, storedInStream: 'case-1' });
      expect(await store.readAll()).toHaveLength(1);
    });

    it('refuses a batch carrying the same id twice', async () => {
      const store = open();
      const [event] = events(1);
      await expect(store.append('case-1', [event, event])).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: event.id,
        storedInStream: undefined,
      });
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses a batch that repeats only part of an earlier write to the same stream', async () => {
      const store = open();
      const earlier = events(2);
      await store.append('case-1', earlier);
      const partly = [earlier[1], ...events(1)];

      await expect(store.append('case-1', partly, { expectedRevision: 1n })).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: earlier[1].id,
        storedInStream: 'case-1',
      });
      await expect(store.append('case-1', partly, { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.readStream('case-1')).toHaveLength(2);
    });

    it('treats a write repeated against a later revision as a conflict, not as the same write', async () => {
      const store = open();
      const batch = events(1);
      await store.append('case-1', batch, { expectedRevision: 'no-stream' });
      await store.append('case-1', events(1));

      await expect(store.append('case-1', batch, { expectedRevision: 5n })).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: 1n,
      });
      await expect(store.append('case-1', batch, { expectedRevision: 1n })).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        storedInStream: 'case-1',
      });
      expect(await store.readStream('case-1')).toHaveLength(2);
    });
  });

  it('refuses an empty batch', async () => {
    await expect(open().append('case-1', [])).rejects.toBeInstanceOf(RangeError);
  });

  describe('given a batch append to several streams', () => {
    it('stores none of it when one write is refused, the writes before it included', async () => {
      const store = open();
      await store.append('case-b', events(1), { expectedRevision: 'no-stream' });
      await expect(
        store.appendMany([
          { streamId: 'case-a', events: events(2), expectedRevision: 'no-stream' },
          { streamId: 'case-b', events: events(1), expectedRevision: 'no-stream' },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readAll()).toHaveLength(1);
    });

    it('stores none of it when one write re-uses an event id stored earlier in its stream', async () => {
      const store = open();
      const [taken] = events(1);
      await store.append('case-b', [taken]);
      await expect(
        store.appendMany([
          { streamId: 'case-a', events: events(2) },
          { streamId: 'case-b', events: [...events(1), { ...taken, data: { other: true } }] },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readAll()).toHaveLength(1);
    });
  });

  describe('subscriptions', () => {
    it('catch up through several reads when the backlog is larger than one batch, then go live', async () => {
      const store = open({ subscriptionBatchSize: 2 });
      const backlog = events(7);
      await store.append('case-1', backlog);
      const subscription = store.subscribeToAll();
      const caughtUp = await take(subscription, 7);
      const live = events(3);
      await store.append('case-2', live);
      const seenLive = await take(subscription, 3);
      expect([...caughtUp, ...seenLive].map((event) => event.id)).toEqual([...backlog, ...live].map((e) => e.id));
    });

    it('hand the catch-up over a read at a time: one page per batch read, the last one short, then each live append its own', async () => {
      const store = open({ subscriptionBatchSize: 3 });
      await store.append('case-1', events(7));
      const pages = store.subscribeToAll().pages()[Symbol.asyncIterator]();
      const sizes: number[] = [];
      for (let taken = 0; taken < 7; taken += sizes[sizes.length - 1]) sizes.push(((await pages.next()).value as RecordedEvent[]).length);
      await store.append('case-2', events(2));
      const live = (await pages.next()).value as RecordedEvent[];
      expect(sizes).toEqual([3, 3, 1]);
      expect(live.map((event) => [event.streamId, event.revision])).toEqual([
        ['case-2', 0n],
        ['case-2', 1n],
      ]);
    });

    it('let the process do other work between batches while catching up', async () => {
      const store = open({ subscriptionBatchSize: 2 });
      await store.append('case-1', events(20));
      let otherWorkRan = false;
      setImmediate(() => (otherWorkRan = true));
      const caughtUpBeforeOtherWork: RecordedEvent[] = [];
      const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
      while (!otherWorkRan && caughtUpBeforeOtherWork.length < 20) {
        caughtUpBeforeOtherWork.push((await iterator.next()).value as RecordedEvent);
      }
      expect(caughtUpBeforeOtherWork.length).toBeLessThan(20);
    });

    it('see what another connection to the same file commits, by polling', async () => {
      const api = open();
      const worker = open({ pollIntervalMs: 5 });
      await api.append('case-1', events(2));
      const subscription = worker.subscribeToAll();
      const caughtUp = await take(subscription, 2);
      const written = events(3);
      await api.append('case-2', written.slice(0, 1));
      await api.append('case-3', written.slice(1));
      const live = await take(subscription, 3);
      expect(live.map((event) => event.id)).toEqual(written.map((event) => event.id));
      expect(live[0].position > caughtUp[1].position).toBe(true);
    });

    it('end when the consumer breaks out of its loop', async () => {
      const store = open();
      await store.append('case-1', events(3));
      const subscription = store.subscribeToAll();
      for await (const event of subscription) if (event.revision === 0n) break;
      expect(await subscription[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    });

    it('end when the store closes, and start ended on a closed store', async () => {
      const store = open();
      const subscription = store.subscribeToAll();
      const waiting = subscription[Symbol.asyncIterator]().next();
      await store.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
      const late = store.subscribeToAll();
      expect(await late[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    });
  });

  describe('given two OS processes racing to write the same stream', () => {
    it('loses no event and keeps revisions contiguous, and a third connection sees every write in order', async () => {
      const dataDirectory = join(root, 'data', 'events');
      const watcher = open({ pollIntervalMs: 5 });
      const start = await watcher.readAll({ direction: 'backwards', maxCount: 1 });
      const stream = 'case-raced';
      const perWriter = 300;
      const writer = (name: string) =>
        run(
          process.execPath,
          [
            '-r',
            '@swc-node/register',
            join(__dirname, 'testing', 'competing-writer.process.ts'),
            dataDirectory,
            stream,
            name,
            String(perWriter),
            '2',
          ],
          { cwd: repositoryRoot },
        );
      const watching = take(watcher.subscribeToAll({ after: start[0]?.position }), 2 * perWriter + 2);

      const [seen] = await Promise.all([watching, writer('police'), writer('cps')]);

      const stored = await watcher.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual(Array.from({ length: 2 * perWriter }, (_, i) => BigInt(i)));
      for (const name of ['police', 'cps']) {
        const indexes = stored.map((event) => event.data as { writer: string; index: number });
        expect(indexes.filter((data) => data.writer === name).map((data) => data.index)).toEqual(
          Array.from({ length: perWriter }, (_, i) => i),
        );
      }
      const delivered = seen.filter((event) => event.streamId === stream);
      expect(delivered.map((event) => event.id)).toEqual(stored.map((event) => event.id));
    });

    it('appending after the last event, each builds on the other\'s writes and none is refused', async () => {
      const stream = 'case-chained';
      const perWriter = 300;
      const writer = (name: string) =>
        run(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'testing', 'competing-writer.process.ts'), join(root, 'data', 'events'), stream, name, String(perWriter), '2', 'after-last'], {
          cwd: repositoryRoot,
        });

      const outputs = await Promise.all([writer('police'), writer('cps')]);

      expect(outputs.map(({ stdout }) => JSON.parse(stdout))).toEqual([{ conflicts: 0 }, { conflicts: 0 }]);
      const stored = await open().readStream(stream);
      const written = stored.map((event) => event.data as { writer: string; index: number; previous: string | null });
      expect(written.map((data) => data.previous)).toEqual([null, ...stored.slice(0, -1).map((event) => event.id)]);
      for (const name of ['police', 'cps']) {
        expect(written.filter((data) => data.writer === name).map((data) => data.index)).toEqual(Array.from({ length: perWriter }, (_, i) => i));
      }
    });
  });
});
