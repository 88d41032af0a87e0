/**
 * The behaviour every EventStore adapter must show. Adapter-neutral: each test writes to its
 * own streams (random suffix), never assumes the store is empty (reads of $all start after the
 * current end and ignore other streams), and assumes only that positions strictly increase.
 */
import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventStore, EventToAppend, RecordedEvent } from '../event-store.port';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import { PageReader } from './page-reader';

export interface OpenedEventStore {
  store: EventStore;
  dispose: () => Promise<void>;
}

export interface EventStoreContractOptions {
  /** Another store on the data `open` opened, as a second process would open it (the same file, the same server). */
  openAnother?: () => Promise<OpenedEventStore>;
}

export function describeEventStoreContract(adapterName: string, open: () => Promise<OpenedEventStore>, options: EventStoreContractOptions = {}): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let opened: OpenedEventStore;
    let store: EventStore;
    const runId = randomUUID().slice(0, 8);
    let streamCounter = 0;
    const newStream = (role: string) => `contract_${role}-${runId}-${++streamCounter}`;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.dispose();
    });

    describe('append with an expected revision', () => {
      it("writes a new stream with 'no-stream'", async () => {
        const stream = newStream('new');
        const result = await store.append(stream, events(3), { expectedRevision: 'no-stream' });
        expect(result.nextExpectedRevision).toBe(2n);
        expect(revisionsOf(await store.readStream(stream))).toEqual([0n, 1n, 2n]);
      });

      it("refuses 'no-stream' on an existing stream, naming the actual revision", async () => {
        const stream = newStream('exists');
        await store.append(stream, events(2), { expectedRevision: 'no-stream' });
        await expectWrongRevision(store.append(stream, events(1), { expectedRevision: 'no-stream' }), {
          streamId: stream,
          expected: 'no-stream',
          actual: 1n,
        });
      });

      it("refuses 'stream-exists' on a missing stream, with actual 'no-stream'", async () => {
        const stream = newStream('missing');
        await expectWrongRevision(store.append(stream, events(1), { expectedRevision: 'stream-exists' }), {
          streamId: stream,
          expected: 'stream-exists',
          actual: 'no-stream',
        });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it("accepts 'stream-exists' on an existing stream", async () => {
        const stream = newStream('exists-ok');
        await store.append(stream, events(1));
        const result = await store.append(stream, events(1), { expectedRevision: 'stream-exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('accepts the exact revision and refuses a stale one with the actual revision', async () => {
        const stream = newStream('exact');
        await store.append(stream, events(2), { expectedRevision: 'no-stream' });
        const right = await store.append(stream, events(1), { expectedRevision: 1n });
        expect(right.nextExpectedRevision).toBe(2n);
        await expectWrongRevision(store.append(stream, events(1), { expectedRevision: 1n }), {
          streamId: stream,
          expected: 1n,
          actual: 2n,
        });
        await expectWrongRevision(store.append(stream, events(1), { expectedRevision: 7n }), {
          streamId: stream,
          expected: 7n,
          actual: 2n,
        });
      });

      it('refuses an exact revision on a missing stream', async () => {
        const stream = newStream('exact-missing');
        await expectWrongRevision(store.append(stream, events(1), { expectedRevision: 0n }), {
          streamId: stream,
          expected: 0n,
          actual: 'no-stream',
        });
      });

      it("always appends with 'any', and 'any' is the default", async () => {
        const stream = newStream('any');
        expect((await store.append(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, events(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(2n);
        expect((await store.append(stream, events(1))).nextExpectedRevision).toBe(3n);
        expect(await store.readStream(stream)).toHaveLength(4);
      });

      it('stores nothing of a refused batch', async () => {
        const stream = newStream('atomic');
        const first = events(2);
        await store.append(stream, first, { expectedRevision: 'no-stream' });
        const refused = events(3);
        await expect(store.append(stream, refused, { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(first));
        const after = await store.append(stream, events(1), { expectedRevision: 1n });
        expect(after.nextExpectedRevision).toBe(2n);
      });

      it('returns the global position of the last event written', async () => {
        const stream = newStream('position');
        const result = await store.append(stream, events(3));
        const stored = await store.readStream(stream);
        expect(result.position).toBe(stored[2].position);
      });
    });

    describe('de-duplication by event id', () => {
      it("stores a batch re-appended with 'any' only once and answers as the first time", async () => {
        const stream = newStream('dedup-any');
        const batch = events(3);
        const first = await store.append(stream, batch, { expectedRevision: 'any' });
        const again = await store.append(stream, batch, { expectedRevision: 'any' });
        expect(again).toEqual(first);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(batch));
      });

      it("stores a batch re-appended with 'no-stream', as the first time, only once", async () => {
        const stream = newStream('dedup-no-stream');
        const batch = events(2);
        const first = await store.append(stream, batch, { expectedRevision: 'no-stream' });
        const again = await store.append(stream, batch, { expectedRevision: 'no-stream' });
        expect(again).toEqual(first);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(batch));
      });

      it('stores a batch re-appended with the same exact revision only once', async () => {
        const stream = newStream('dedup-exact');
        const opening = events(2);
        await store.append(stream, opening, { expectedRevision: 'no-stream' });
        const batch = events(3);
        const first = await store.append(stream, batch, { expectedRevision: 1n });
        expect(first.nextExpectedRevision).toBe(4n);
        const again = await store.append(stream, batch, { expectedRevision: 1n });
        expect(again).toEqual(first);
        expect(idsOf(await store.readStream(stream))).toEqual([...idsOf(opening), ...idsOf(batch)]);
      });

      it('checks ids within their stream: ids stored in one stream are written to another as new events', async () => {
        const [first, second] = [newStream('ids-first'), newStream('ids-second')];
        const batch = events(2);
        await store.append(first, batch);
        const result = await store.append(second, batch, { expectedRevision: 'no-stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        expect(idsOf(await store.readStream(second))).toEqual(idsOf(batch));
        expect(idsOf(await store.readStream(first))).toEqual(idsOf(batch));
      });
    });

    describe('appendMany: several streams in one call', () => {
      it('writes each stream its events in order, checks each expected revision, and answers one result per write', async () => {
        const [a, b] = [newStream('many-a'), newStream('many-b')];
        await store.append(b, events(2), { expectedRevision: 'no-stream' });
        const [forA, forB] = [events(3), events(2)];
        const results = await store.appendMany([
          { streamId: a, events: forA, expectedRevision: 'no-stream' },
          { streamId: b, events: forB, expectedRevision: 1n },
        ]);
        expect(results.map((result) => result.nextExpectedRevision)).toEqual([2n, 3n]);
        const [storedA, storedB] = [await store.readStream(a), await store.readStream(b)];
        expect(idsOf(storedA)).toEqual(idsOf(forA));
        expect(idsOf(storedB).slice(2)).toEqual(idsOf(forB));
        expect(results[0].position).toBe(storedA[2].position);
        expect(results[1].position).toBe(storedB[3].position);
        expectStrictlyIncreasing([...storedA, ...storedB.slice(2)].map((event) => event.position));
      });

      it('refuses a write whose expected revision does not hold, naming its stream and the actual revision', async () => {
        const stream = newStream('many-stale');
        await store.append(stream, events(2), { expectedRevision: 'no-stream' });
        await expectWrongRevision(store.appendMany([{ streamId: stream, events: events(1), expectedRevision: 0n }]), {
          streamId: stream,
          expected: 0n,
          actual: 1n,
        });
      });

      it('stores a batch re-sent as it was only once and answers as the first time', async () => {
        const [a, b] = [newStream('many-again-a'), newStream('many-again-b')];
        const writes = [
          { streamId: a, events: events(2), expectedRevision: 'no-stream' as const },
          { streamId: b, events: events(1), expectedRevision: 'no-stream' as const },
        ];
        const first = await store.appendMany(writes);
        expect(await store.appendMany(writes)).toEqual(first);
        expect(await store.readStream(a)).toHaveLength(2);
        expect(await store.readStream(b)).toHaveLength(1);
      });

      it('refuses, before writing anything, a batch naming a stream twice or with an empty write', async () => {
        const stream = newStream('many-twice');
        await expect(store.appendMany([{ streamId: stream, events: events(1) }, { streamId: stream, events: events(1) }])).rejects.toBeInstanceOf(RangeError);
        await expect(store.appendMany([{ streamId: stream, events: events(1) }, { streamId: newStream('many-empty'), events: [] }])).rejects.toBeInstanceOf(RangeError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('appendAfterLast: events built from the stream\'s last one', () => {
      it('gives the stream\'s last event to build and appends what it builds right after it', async () => {
        const stream = newStream('after-last');
        const opening = events(2);
        await store.append(stream, opening, { expectedRevision: 'no-stream' });
        const seen: Array<RecordedEvent | undefined> = [];
        const result = await store.appendAfterLast(stream, (last) => (seen.push(last), chainedOn(last, 'only', 2)));
        expect(seen.map((last) => last?.id)).toEqual([opening[1].id]);
        expect(seen[0]).toMatchObject({ streamId: stream, revision: 1n, data: { index: 1 } });
        const stored = await store.readStream(stream);
        expect(idsOf(stored)).toEqual([...idsOf(opening), ...idsOf(result.events)]);
        expect(result.events.map((event) => event.data)).toEqual([
          { writer: 'only', previous: opening[1].id },
          { writer: 'only', previous: result.events[0].id },
        ]);
        expect(result.nextExpectedRevision).toBe(3n);
        expect(result.position).toBe(stored[3].position);
      });

      it('gives build undefined for a stream with no event, and creates the stream', async () => {
        const stream = newStream('after-nothing');
        const seen: Array<RecordedEvent | undefined> = [];
        const result = await store.appendAfterLast(stream, (last) => (seen.push(last), chainedOn(last, 'first', 1)));
        expect(seen).toEqual([undefined]);
        expect(result.nextExpectedRevision).toBe(0n);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(result.events));
      });

      it('refuses an empty build, storing nothing', async () => {
        const stream = newStream('after-empty');
        await expect(store.appendAfterLast(stream, () => [])).rejects.toBeInstanceOf(RangeError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('lands every one of many concurrent calls once, each built on the one stored before it', async () => {
        const stream = newStream('after-race');
        const writers = Array.from({ length: 8 }, (_, index) => `writer-${index}`);
        await Promise.all(writers.map((writer) => store.appendAfterLast(stream, (last) => chainedOn(last, writer, 2))));
        expectOneChain(await store.readStream(stream), writers);
      });

      const { openAnother } = options;
      if (openAnother) it('lands every call of two stores on the same data, as two processes would, in one chain', async () => {
        const other = await openAnother();
        try {
          const stream = newStream('after-two-stores');
          const writers = Array.from({ length: 8 }, (_, index) => `writer-${index}`);
          await Promise.all(writers.map((writer, index) => [store, other.store][index % 2].appendAfterLast(stream, (last) => chainedOn(last, writer, 2))));
          expectOneChain(await store.readStream(stream), writers);
        } finally {
          await other.dispose();
        }
      });
    });

    describe('readStream', () => {
      it('reads forwards with revisions 0..n-1 and positions increasing in append order', async () => {
        const stream = newStream('read');
        const written = events(5);
        await store.append(stream, written.slice(0, 2));
        await store.append(stream, written.slice(2));
        const read = await store.readStream(stream);
        expect(idsOf(read)).toEqual(idsOf(written));
        expect(revisionsOf(read)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(read.every((event) => event.streamId === stream)).toBe(true);
        expectStrictlyIncreasing(read.map((event) => event.position));
      });

      it('reads backwards from the end', async () => {
        const stream = newStream('backwards');
        const written = events(4);
        await store.append(stream, written);
        const read = await store.readStream(stream, { direction: 'backwards' });
        expect(idsOf(read)).toEqual(idsOf(written).reverse());
        expect(revisionsOf(read)).toEqual([3n, 2n, 1n, 0n]);
      });

      it('starts at fromRevision inclusively and stops at maxCount, in both directions', async () => {
        const stream = newStream('range');
        await store.append(stream, events(6));
        expect(revisionsOf(await store.readStream(stream, { fromRevision: 2n }))).toEqual([2n, 3n, 4n, 5n]);
        expect(revisionsOf(await store.readStream(stream, { fromRevision: 2n, maxCount: 3 }))).toEqual([2n, 3n, 4n]);
        expect(revisionsOf(await store.readStream(stream, { maxCount: 2 }))).toEqual([0n, 1n]);
        expect(revisionsOf(await store.readStream(stream, { direction: 'backwards', fromRevision: 3n }))).toEqual([
          3n,
          2n,
          1n,
          0n,
        ]);
        expect(
          revisionsOf(await store.readStream(stream, { direction: 'backwards', fromRevision: 4n, maxCount: 2 })),
        ).toEqual([4n, 3n]);
        expect(revisionsOf(await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([5n]);
      });

      it('answers an empty list, not an error, past the end of an existing stream', async () => {
        const stream = newStream('past-end');
        await store.append(stream, events(2));
        expect(await store.readStream(stream, { fromRevision: 5n })).toEqual([]);
      });

      it('throws StreamNotFoundError for a stream with no event', async () => {
        const stream = newStream('never-written');
        const failure = store.readStream(stream);
        await expect(failure).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(failure).rejects.toMatchObject({ streamId: stream });
        await expect(store.readStream(stream, { direction: 'backwards' })).rejects.toBeInstanceOf(
          StreamNotFoundError,
        );
      });

      it('round-trips type, data and metadata as JSON and stamps a commit date', async () => {
        const stream = newStream('json');
        const data = {
          text: 'Crown Court at Snaresbrook — listing “A”',
          count: 42,
          ratio: 0.25,
          flag: false,
          nothing: null,
          list: [1, 'two', { three: [3] }],
          nested: { deeper: { deepest: 'yes' } },
        };
        const metadata = { agency: 'CPS', schemaVersion: 1, recordedBy: { id: 'u-1' } };
        const startedAt = Date.now();
        await store.append(stream, [
          { id: randomUUID(), type: 'HearingListed', data, metadata },
          { id: randomUUID(), type: 'PleaEntered', data: { plea: 'guilty' } },
        ]);
        const [withMetadata, withoutMetadata] = await store.readStream(stream);
        expect(withMetadata.type).toBe('HearingListed');
        expect(withMetadata.data).toEqual(data);
        expect(withMetadata.metadata).toEqual(metadata);
        expect(withoutMetadata.type).toBe('PleaEntered');
        expect(withoutMetadata.data).toEqual({ plea: 'guilty' });
        expect(withoutMetadata.metadata).toEqual({});
        expect(withMetadata.created).toBeInstanceOf(Date);
        const oneDay = 24 * 3600 * 1000;
        expect(Math.abs(withMetadata.created.getTime() - startedAt)).toBeLessThan(oneDay);
      });
    });

    describe('readAll', () => {
      it('reads forwards strictly after a position, pages with maxCount, and interleaves streams in commit order', async () => {
        const end = await currentEnd(store);
        const [a, b] = [newStream('all-a'), newStream('all-b')];
        const written = [
          ...(await appendAndKeep(store, a, events(2))),
          ...(await appendAndKeep(store, b, events(1))),
          ...(await appendAndKeep(store, a, events(1))),
          ...(await appendAndKeep(store, b, events(2))),
        ];
        const ours = (event: RecordedEvent) => event.streamId === a || event.streamId === b;

        const firstPage = await store.readAll({ after: end, maxCount: 2 });
        expect(firstPage).toHaveLength(2);
        if (end !== undefined) expect(firstPage[0].position > end).toBe(true);

        const read = await readAllPaged(store, end, 2, ours, written.length);
        expect(read.map(({ id, streamId }) => ({ id, streamId }))).toEqual(written);
        expectStrictlyIncreasing(read.map((event) => event.position));
      });

      it('gives the same events as readStream, positions included', async () => {
        const end = await currentEnd(store);
        const stream = newStream('all-same');
        await store.append(stream, events(3));
        const fromAll = (await readAllPaged(store, end, 100, (e) => e.streamId === stream, 3)).map(comparable);
        expect(fromAll).toEqual((await store.readStream(stream)).map(comparable));
      });

      it('reads backwards strictly before a position, in reverse commit order', async () => {
        const [a, b] = [newStream('back-a'), newStream('back-b')];
        const written = [
          ...(await appendAndKeep(store, a, events(1))),
          ...(await appendAndKeep(store, b, events(2))),
          ...(await appendAndKeep(store, a, events(1))),
        ];
        const sentinel = await store.append(newStream('back-sentinel'), events(1));
        const ours = (event: RecordedEvent) => event.streamId === a || event.streamId === b;

        const firstPage = await store.readAll({ direction: 'backwards', after: sentinel.position, maxCount: 2 });
        expect(firstPage).toHaveLength(2);
        expect(firstPage.every((event) => event.position < sentinel.position)).toBe(true);
        expect(firstPage[0].position > firstPage[1].position).toBe(true);

        const read: RecordedEvent[] = [];
        let before = sentinel.position;
        while (read.length < written.length) {
          const page = await store.readAll({ direction: 'backwards', after: before, maxCount: 2 });
          expect(page.length).toBeGreaterThan(0);
          read.push(...page.filter(ours));
          before = page[page.length - 1].position;
        }
        expect(read.map(({ id, streamId }) => ({ id, streamId }))).toEqual([...written].reverse());
      });

      it('reads backwards from the end when no position is given', async () => {
        const last = await store.append(newStream('back-end'), events(2));
        const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
        expect(newest.position >= last.position).toBe(true);
      });

      it('reads forwards from the very start when no position is given', async () => {
        await store.append(newStream('from-start'), events(2));
        const firstTwo = await store.readAll({ maxCount: 2 });
        expect(firstTwo).toHaveLength(2);
        const [afterFirst] = await store.readAll({ after: firstTwo[0].position, maxCount: 1 });
        expect(afterFirst.id).toBe(firstTwo[1].id);
      });
    });

    describe('subscribeToAll', () => {
      const subscriptions: AllSubscription[] = [];
      const subscribe = (after?: bigint) => {
        const subscription = store.subscribeToAll({ after });
        subscriptions.push(subscription);
        return subscription;
      };
      afterEach(async () => {
        await Promise.all(subscriptions.splice(0).map((subscription) => subscription.unsubscribe()));
      });

      it('catches up on stored events after the checkpoint, then sees live ones, in order, without gaps or duplicates', async () => {
        const end = await currentEnd(store);
        const stream = newStream('sub');
        const ours = (event: RecordedEvent) => event.streamId === stream;
        const stored = events(4);
        await store.append(stream, stored);

        const reader = new SubscriptionReader(subscribe(end), ours);
        const firstOne = await reader.take(1);
        const whileCatchingUp = events(2);
        await store.append(stream, whileCatchingUp);
        const caughtUp = await reader.take(5);
        const live = events(3);
        await store.append(stream, live.slice(0, 1));
        await store.append(stream, live.slice(1));
        const seenLive = await reader.take(3);

        const seen = [...firstOne, ...caughtUp, ...seenLive];
        expect(idsOf(seen)).toEqual(idsOf([...stored, ...whileCatchingUp, ...live]));
        expect(revisionsOf(seen)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
        expectStrictlyIncreasing(seen.map((event) => event.position));
        if (end !== undefined) expect(seen[0].position > end).toBe(true);
      });

      it('delivers only events strictly after the checkpoint', async () => {
        const stream = newStream('sub-checkpoint');
        const written = events(4);
        await store.append(stream, written);
        const [, second] = await store.readStream(stream);
        const reader = new SubscriptionReader(subscribe(second.position), (e) => e.streamId === stream);
        expect(idsOf(await reader.take(2))).toEqual(idsOf(written.slice(2)));
      });

      it('sees every event of concurrent live appends to several streams, in position order', async () => {
        const end = await currentEnd(store);
        const streams = Array.from({ length: 6 }, () => newStream('sub-many'));
        const ours = (event: RecordedEvent) => streams.includes(event.streamId);
        const reader = new SubscriptionReader(subscribe(end), ours);
        const firstSeen = reader.take(12);
        await Promise.all(streams.map((stream) => store.append(stream, events(2))));
        const seen = await firstSeen;
        expectStrictlyIncreasing(seen.map((event) => event.position));
        for (const stream of streams) {
          expect(revisionsOf(seen.filter((event) => event.streamId === stream))).toEqual([0n, 1n]);
        }
      });

      it('starts from the very first event of the store when no checkpoint is given', async () => {
        await store.append(newStream('sub-start'), events(1));
        const [first] = await store.readAll({ maxCount: 1 });
        const reader = new SubscriptionReader(subscribe(), () => true);
        expect(comparable((await reader.take(1))[0])).toEqual(comparable(first));
      });

      it('ends the iteration on unsubscribe, even while waiting for events', async () => {
        const end = await currentEnd(store);
        const stream = newStream('sub-end');
        const subscription = subscribe(end);
        const iterator = subscription[Symbol.asyncIterator]();
        const waiting = iterator.next();
        await subscription.unsubscribe();
        let result = await waiting;
        while (!result.done) result = await iterator.next();
        await store.append(stream, events(1));
        expect((await iterator.next()).done).toBe(true);
      });

      it('hands the same events over in pages: each non-empty, in position order, stored ones then live ones, every one once', async () => {
        const end = await currentEnd(store);
        const stream = newStream('sub-pages');
        const stored = events(5);
        await store.append(stream, stored);
        const reader = new PageReader(subscribe(end), (event) => event.streamId === stream);
        const caughtUp = await reader.take(5);
        const live = events(3);
        await store.append(stream, live.slice(0, 1));
        await store.append(stream, live.slice(1));
        const seenLive = await reader.take(3);

        const seen = [...caughtUp, ...seenLive];
        expect(idsOf(seen)).toEqual(idsOf([...stored, ...live]));
        expect(revisionsOf(seen)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
        expect(reader.pageSizes.every((size) => size > 0)).toBe(true);
        expectStrictlyIncreasing(reader.positions);
      });

      it('ends the pages on unsubscribe, even while waiting for events', async () => {
        const end = await currentEnd(store);
        const subscription = subscribe(end);
        const pages = subscription.pages()[Symbol.asyncIterator]();
        const waiting = pages.next();
        await subscription.unsubscribe();
        let result = await waiting;
        while (!result.done) result = await pages.next();
        await store.append(newStream('sub-pages-end'), events(1));
        expect((await pages.next()).done).toBe(true);
      });

      it('keeps two subscriptions independent', async () => {
        const end = await currentEnd(store);
        const stream = newStream('sub-two');
        const ours = (event: RecordedEvent) => event.streamId === stream;
        const first = subscribe(end);
        const firstReader = new SubscriptionReader(first, ours);
        const secondReader = new SubscriptionReader(subscribe(end), ours);
        const before = events(2);
        await store.append(stream, before);
        expect(idsOf(await firstReader.take(2))).toEqual(idsOf(before));
        expect(idsOf(await secondReader.take(1))).toEqual(idsOf(before.slice(0, 1)));

        await first.unsubscribe();
        const after = events(2);
        await store.append(stream, after);
        expect(idsOf(await secondReader.take(3))).toEqual(idsOf([...before.slice(1), ...after]));
        expect(await firstReader.ended()).toBe(true);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of two writers racing on the same expected revision win', async () => {
        const stream = newStream('race');
        await store.append(stream, events(1), { expectedRevision: 'no-stream' });
        const [left, right] = [events(1), events(1)];
        const outcomes = await Promise.allSettled([
          store.append(stream, left, { expectedRevision: 0n }),
          store.append(stream, right, { expectedRevision: 0n }),
        ]);
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(lost[0].reason).toMatchObject({ expected: 0n, actual: 1n });

        const read = await store.readStream(stream);
        expect(revisionsOf(read)).toEqual([0n, 1n]);
        const winner = outcomes[0].status === 'fulfilled' ? left : right;
        expect(read[1].id).toBe(winner[0].id);
      });

      it('lets exactly one of many writers racing to create a stream win', async () => {
        const stream = newStream('race-many');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 5 }, () => store.append(stream, events(2), { expectedRevision: 'no-stream' })),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });
  });
}

function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'ContractEventRecorded',
    data: { index },
    metadata: { note: `event ${index}` },
  }));
}

/** Events that name the event before them: the first names the stream's last event (null when it has none). */
function chainedOn(last: RecordedEvent | undefined, writer: string, count: number): EventToAppend[] {
  const chained: EventToAppend[] = [];
  for (let index = 0; index < count; index++) {
    const previous = index === 0 ? (last?.id ?? null) : chained[index - 1].id;
    chained.push({ id: randomUUID(), type: 'ContractEventChained', data: { writer, previous } });
  }
  return chained;
}

/** Each event names the one stored before it, and each writer's pair of events is there once, together. */
function expectOneChain(stored: readonly RecordedEvent[], writers: readonly string[]): void {
  const data = stored.map((event) => event.data as { writer: string; previous: string | null });
  expect(data.map((entry) => entry.previous)).toEqual([null, ...idsOf(stored).slice(0, -1)]);
  const order = data.map((entry) => entry.writer);
  expect([...order].sort()).toEqual(writers.flatMap((writer) => [writer, writer]).sort());
  for (let index = 0; index < order.length; index += 2) expect(order[index + 1]).toBe(order[index]);
}

const idsOf = (list: readonly { id: string }[]) => list.map((event) => event.id);
const revisionsOf = (list: readonly RecordedEvent[]) => list.map((event) => event.revision);
const comparable = ({ id, streamId, type, revision, position, data, metadata }: RecordedEvent) => ({
  id,
  streamId,
  type,
  revision,
  position,
  data,
  metadata,
});

async function appendAndKeep(store: EventStore, streamId: string, batch: EventToAppend[]) {
  await store.append(streamId, batch);
  return batch.map(({ id }) => ({ id, streamId }));
}

/** Position of the newest event in the store, undefined when it is empty. */
async function currentEnd(store: EventStore): Promise<bigint | undefined> {
  const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return newest?.position;
}

async function readAllPaged(
  store: EventStore,
  after: bigint | undefined,
  pageSize: number,
  keep: (event: RecordedEvent) => boolean,
  wanted: number,
): Promise<RecordedEvent[]> {
  const read: RecordedEvent[] = [];
  let cursor = after;
  while (read.length < wanted) {
    const page = await store.readAll({ after: cursor, maxCount: pageSize });
    if (page.length === 0) break;
    read.push(...page.filter(keep));
    cursor = page[page.length - 1].position;
  }
  return read;
}

function expectStrictlyIncreasing(positions: bigint[]): void {
  positions.slice(1).forEach((position, index) => {
    if (!(position > positions[index])) {
      throw new Error(`positions not strictly increasing at ${index + 1}: ${positions.join(', ')}`);
    }
  });
}

async function expectWrongRevision(
  append: Promise<unknown>,
  expected: Pick<WrongExpectedRevisionError, 'streamId' | 'expected' | 'actual'>,
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(expected);
}

/** Pulls events the test cares about from one subscription, keeping one iterator across calls. */
class SubscriptionReader {
  private readonly iterator: AsyncIterator<RecordedEvent>;

  constructor(
    subscription: AllSubscription,
    private readonly keep: (event: RecordedEvent) => boolean,
  ) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async take(count: number): Promise<RecordedEvent[]> {
    const taken: RecordedEvent[] = [];
    while (taken.length < count) {
      const result = await this.iterator.next();
      if (result.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
      if (this.keep(result.value)) taken.push(result.value);
    }
    return taken;
  }

  /** True once the iteration is over; skips events still in flight. */
  async ended(): Promise<boolean> {
    for (;;) {
      const result = await this.iterator.next();
      if (result.done) return true;
    }
  }
}
