import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditRecord } from '@case-journey/access';
import { EventStoreDBEventStore, SqliteEventStore } from '@case-journey/event-store';
import { startEventStoreDbTestServer } from '../../../../test/eventstoredb-server';
import { AUDIT_STREAM, EventStoreAuditLog } from './event-store-audit-log';

const aRead = (minute: number, subject = 'wcu.jones'): AuditRecord => ({
  at: new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString(),
  subject,
  agency: 'WCU',
  action: 'victim-details-read',
  caseIds: ['case-1'],
  victimId: 'victim-1',
  purpose: 'contact-about-hearing',
  reason: null,
});

describe('EventStoreAuditLog', () => {
  it('chains the entries of every process sharing the store into one whole log, however their writes interleave', async () => {
    const store = SqliteEventStore.inMemory();
    const first = new EventStoreAuditLog(store);
    const second = new EventStoreAuditLog(store);
    const written = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => first.record([aRead(i, 'first')])),
      ...Array.from({ length: 10 }, (_, i) => second.record([aRead(i, 'second'), aRead(i, 'second')])),
    ]);
    expect(written.flat()).toHaveLength(30);

    const { entries, verification } = await new EventStoreAuditLog(store).read({});
    expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(entries.filter((entry) => entry.subject === 'first')).toHaveLength(10);
    expect(verification).toMatchObject({ intact: true, checked: 30, lastSequence: 29, headHash: entries[29].hash });
    await store.close();
  });

  it('chains the entries of two processes on one store file, appending at once, into one whole log with every entry once', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'audit-'));
    const stores = [SqliteEventStore.open({ dataDirectory }), SqliteEventStore.open({ dataDirectory })];
    try {
      const [first, second] = stores.map((store) => new EventStoreAuditLog(store));
      // Each process's entries of one turn go in one append; the first process's of the next turn are chained after both.
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => first.record([aRead(i, 'first')])),
        ...Array.from({ length: 12 }, (_, i) => second.record([aRead(i, 'second'), aRead(i, 'second')])),
        ...Array.from({ length: 6 }, (_, i) => new Promise((resolve) => setImmediate(resolve)).then(() => first.record([aRead(20 + i, 'first')]))),
      ]);

      const { entries, verification } = await new EventStoreAuditLog(stores[1]).read({});
      expect(verification).toMatchObject({ intact: true, checked: 42, lastSequence: 41 });
      expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 42 }, (_, i) => i));
      const minutesOf = (subject: string) => entries.filter((entry) => entry.subject === subject).map((entry) => new Date(entry.at).getUTCMinutes());
      expect(minutesOf('first').sort((a, b) => a - b)).toEqual([...Array.from({ length: 12 }, (_, i) => i), 20, 21, 22, 23, 24, 25]);
      expect(minutesOf('second').sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => [i, i]).flat());
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });

  it('appends the entries recorded in one turn of the event loop together, each caller given its own, the chain whole', async () => {
    const store = SqliteEventStore.inMemory();
    const appends = jest.spyOn(store, 'appendAfterLast');
    const log = new EventStoreAuditLog(store);
    // Five requests audited in the same turn, as when one turn handles five pages: one append of five entries.
    const written = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((subject, i) => log.record([aRead(i, subject)])));
    expect(appends).toHaveBeenCalledTimes(1);
    expect(written.map((entries) => entries.map((entry) => [entry.subject, entry.sequence]))).toEqual([[['a', 0]], [['b', 1]], [['c', 2]], [['d', 3]], [['e', 4]]]);
    // A later turn's entry is chained on the first batch's last.
    const [later] = await log.record([aRead(9, 'f')]);
    expect(appends).toHaveBeenCalledTimes(2);
    expect(later).toMatchObject({ subject: 'f', sequence: 5, previousHash: written[4][0].hash });
    expect((await log.read({})).verification).toMatchObject({ intact: true, checked: 6, lastSequence: 5 });
    await store.close();
  });

  it('gives a caller its entries only once their append has returned; entries recorded meanwhile go in the next append, chained after it', async () => {
    const store = SqliteEventStore.inMemory();
    const appended = store.appendAfterLast.bind(store);
    const held: Array<() => void> = [];
    // Each append waits until the test lets it go, as an append over the network does.
    jest.spyOn(store, 'appendAfterLast').mockImplementation((...args) => new Promise<void>((go) => held.push(go)).then(() => appended(...args)));
    const log = new EventStoreAuditLog(store);
    const settled: string[] = [];
    const first = log.record([aRead(0, 'a')]).then((entries) => (settled.push('a'), entries));
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c'].map((subject, i) => log.record([aRead(i + 1, subject)]).then((entries) => (settled.push(subject), entries)));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    expect(held).toHaveLength(1);

    held[0]();
    const [a] = await first;
    expect(settled).toEqual(['a']);
    expect((await store.readStream(AUDIT_STREAM)).map((event) => (event.data as { subject: string }).subject)).toEqual(['a']);
    while (held.length === 1) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(['a']);
    held[1]();
    const [[b], [c]] = await Promise.all(later);
    expect(store.appendAfterLast).toHaveBeenCalledTimes(2);
    expect([a, b, c].map((entry) => [entry.subject, entry.sequence])).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    expect(b.previousHash).toBe(a.hash);
    expect(c.previousHash).toBe(b.hash);
    expect((await log.read({})).verification).toMatchObject({ intact: true, checked: 3, lastSequence: 2 });
    await store.close();
  });

  it('stores its entries under ids that sort as the entries do, so the stream\'s index of ids grows at its end', async () => {
    const store = SqliteEventStore.inMemory();
    const log = new EventStoreAuditLog(store);
    for (let batch = 0; batch < 5; batch++) await Promise.all(Array.from({ length: 20 }, (_, i) => log.record([aRead(i)])));
    const ids = (await store.readStream(AUDIT_STREAM)).map((event) => event.id);
    expect(ids).toHaveLength(100);
    expect([...ids].sort()).toEqual(ids);
    await store.close();
  });

  it('keeps its time-ordered ids through EventStoreDB (the in-process protocol server) and reads back the whole chain', async () => {
    const server = await startEventStoreDbTestServer();
    const store = new EventStoreDBEventStore(server.connectionString);
    try {
      const log = new EventStoreAuditLog(store);
      await Promise.all(['a', 'b', 'c'].map((subject, i) => log.record([aRead(i, subject)])));
      await log.record([aRead(3, 'd')]);
      const { entries, verification } = await new EventStoreAuditLog(store).read({});
      expect(entries.map((entry) => [entry.subject, entry.sequence])).toEqual([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
      expect(verification).toMatchObject({ intact: true, checked: 4, lastSequence: 3 });
      const ids = (await store.readStream(AUDIT_STREAM)).map((event) => event.id);
      expect([...ids].sort()).toEqual(ids);
    } finally {
      await store.close();
      await server.stop();
    }
  });

  it('chains the entries of two processes on one EventStoreDB into one whole log, their clashes retried by the store', async () => {
    const server = await startEventStoreDbTestServer();
    const stores = [new EventStoreDBEventStore(server.connectionString), new EventStoreDBEventStore(server.connectionString)];
    try {
      const [first, second] = stores.map((store) => new EventStoreAuditLog(store));
      await Promise.all(
        Array.from({ length: 5 }, async (_, turn) => {
          await first.record([aRead(turn, 'first')]);
          await second.record([aRead(turn, 'second'), aRead(turn, 'second')]);
        }),
      );
      const { entries, verification } = await new EventStoreAuditLog(stores[0]).read({});
      expect(verification).toMatchObject({ intact: true, checked: 15, lastSequence: 14 });
      expect(entries.filter((entry) => entry.subject === 'first')).toHaveLength(5);
      expect(entries.filter((entry) => entry.subject === 'second')).toHaveLength(10);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await server.stop();
    }
  });

  it('reads a window of time, checked from the entry before it', async () => {
    const store = SqliteEventStore.inMemory();
    const log = new EventStoreAuditLog(store);
    for (let minute = 0; minute < 240; minute += 1) await log.record([aRead(minute)]);
    const { entries, verification } = await log.read({ from: new Date('2026-11-23T12:00:00Z'), to: new Date('2026-11-23T12:09:00Z') });
    // The window is widened by a minute each side for clock spread between processes; the route filters it exactly.
    expect(entries.map((entry) => entry.at)).toEqual(Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 10, 23, 11, 59 + i)).toISOString()));
    expect(verification).toMatchObject({ intact: true, checked: 12, firstSequence: 119 });
    expect((await log.read({ from: new Date('2026-11-24T00:00:00Z') })).entries).toEqual([]);
    expect((await new EventStoreAuditLog(SqliteEventStore.inMemory()).read({})).verification).toMatchObject({ intact: true, checked: 0 });
    await store.close();
  });

  it('shows an entry deleted from the store as missing where it was', async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'audit-'));
    const store = SqliteEventStore.open({ dataDirectory });
    const log = new EventStoreAuditLog(store);
    for (let minute = 0; minute < 5; minute += 1) await log.record([aRead(minute)]);
    const db = new Database(join(dataDirectory, 'events.sqlite'));
    expect(db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(AUDIT_STREAM).changes).toBe(1);
    db.close();

    const { entries, verification } = await log.read({});
    expect(entries.map((entry) => entry.sequence)).toEqual([0, 1, 3, 4]);
    expect(verification).toMatchObject({ intact: false, brokenAt: 3, problem: 'missing', detail: 'Entry 2 before entry 3 is missing' });
    await store.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });
});
