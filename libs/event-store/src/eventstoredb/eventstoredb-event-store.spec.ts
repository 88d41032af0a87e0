/**
 * What the EventStoreDB adapter adds to the shared contracts (test/event-store): EventStoreDB's
 * own events stay out of $all reads and subscriptions, closing the store ends subscriptions, the
 * silence watchdog leaves idle and busy subscriptions alone, and faults are logged once per state change.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '../../../../test/eventstoredb-server';
import type { AllSubscription, EventToAppend, RecordedEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store.errors';
import { EventStoreDBEventStore } from './eventstoredb-event-store';
import type { EventStoreDbResilience } from './eventstoredb-resilience';

const caseEvents = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type: 'HearingListed', data: { index } }));
const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id);
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A log that keeps its lines, each as `level: message`. */
function recordingLog() {
  const lines: string[] = [];
  return { lines, log: (message: string) => void lines.push(`log: ${message}`), warn: (message: string) => void lines.push(`warn: ${message}`) };
}

const fast: EventStoreDbResilience = { retryInitialDelayMs: 10, retryMaxDelayMs: 40, operationAttempts: 3, silenceCheckMs: 30 };

describe('EventStoreDBEventStore', () => {
  let server: EventStoreDbTestServer;
  let store: EventStoreDBEventStore;
  let raw: EventStoreDBClient;

  /** What a node writes of its own accord (statistics, stream metadata, projection links), and a link a projection emits into an ordinary stream. */
  const writeSystemEvents = async (statistics: number) => {
    const stats = Array.from({ length: statistics }, () => jsonEvent({ type: '$statsCollected', data: {} }));
    await raw.appendToStream('$stats-127.0.0.1:2113', stats);
    await raw.appendToStream('$$case-1', [jsonEvent({ type: '$metadata', data: { $maxAge: 60 } })]);
    await raw.appendToStream('$ce-case', [jsonEvent({ type: '$>', data: '0@case-1' })]);
    await raw.appendToStream('hearings-to-list', [jsonEvent({ type: '$>', data: '0@case-1' })]);
  };

  beforeEach(async () => {
    server = await startEventStoreDbTestServer();
    store = new EventStoreDBEventStore(server.connectionString);
    raw = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterEach(async () => {
    await Promise.all([store.close(), raw.dispose()]);
    await server.stop();
  });

  describe('given system events between case events, more than one page of them', () => {
    let before: EventToAppend[];
    let after: EventToAppend[];
    beforeEach(async () => {
      before = caseEvents(2);
      after = caseEvents(2);
      await store.append('case-1', before);
      await writeSystemEvents(600);
      await store.append('case-2', after);
    });

    it('reads $all forwards with case events only, maxCount counting case events', async () => {
      expect(idsOf(await store.readAll())).toEqual(idsOf([...before, ...after]));
      const [, second] = await store.readAll({ maxCount: 2 });
      expect(idsOf(await store.readAll({ after: second.position, maxCount: 1 }))).toEqual(idsOf(after.slice(0, 1)));
    });

    it('reads $all backwards with case events only', async () => {
      const newestFirst = idsOf([...before, ...after]).reverse();
      expect(idsOf(await store.readAll({ direction: 'backwards' }))).toEqual(newestFirst);
      const [, , third] = await store.readAll({ direction: 'backwards', maxCount: 3 });
      expect(third.id).toBe(before[1].id);
    });

    it('subscribes to case events only, stored and live', async () => {
      const subscription = store.subscribeToAll();
      const seen: RecordedEvent[] = [];
      const live = caseEvents(1);
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 4) {
          await writeSystemEvents(3);
          await store.append('case-3', live);
        }
        if (seen.length === 5) break;
      }
      expect(idsOf(seen)).toEqual(idsOf([...before, ...after, ...live]));
    });
  });

  it('ends a subscription that a consumer is waiting on when the store closes', async () => {
    const written = caseEvents(1);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    await store.append('case-1', written);
    expect((await iterator.next()).value).toMatchObject({ id: written[0].id });
    const waiting = iterator.next();
    await store.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });
});

describe('EventStoreDBEventStore under faults', () => {
  let server: EventStoreDbTestServer;
  let store: EventStoreDBEventStore;
  let subscription: AllSubscription | undefined;
  let log: ReturnType<typeof recordingLog>;
  const open = (resilience: Partial<EventStoreDbResilience> = {}, connectionString = server.connectionString) => {
    store = new EventStoreDBEventStore(connectionString, { resilience: { ...fast, ...resilience }, log });
    return store;
  };

  beforeEach(async () => {
    server = await startEventStoreDbTestServer();
    log = recordingLog();
  });
  afterEach(async () => {
    server.faults.admitConnections();
    await subscription?.unsubscribe();
    subscription = undefined;
    await store.close();
    await server.stop();
  });

  describe('the silence watchdog', () => {
    it('leaves a subscription alone while the store is idle, however many checks pass', async () => {
      open();
      const [written, later] = [caseEvents(1), caseEvents(1)];
      await store.append('case-1', written);
      subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ id: written[0].id });
      const waiting = iterator.next();
      await pause(10 * fast.silenceCheckMs);
      await store.append('case-2', later);
      expect((await waiting).value).toMatchObject({ id: later[0].id });
      expect(log.lines).toEqual([]);
      expect(server.faults.openSubscriptions.size).toBe(1);
    });

    it('leaves a subscription alone while its consumer is busy, even with events waiting for it', async () => {
      open();
      const written = caseEvents(3);
      await store.append('case-1', written.slice(0, 1));
      subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const first = await iterator.next();
      await store.append('case-1', written.slice(1));
      await pause(10 * fast.silenceCheckMs);
      const rest = [await iterator.next(), await iterator.next()];
      expect(idsOf([first, ...rest].map((result) => result.value as RecordedEvent))).toEqual(idsOf(written));
      expect(log.lines).toEqual([]);
    });

    it('restarts a silent subscription with one line saying so, and one when it is back', async () => {
      open();
      const written = caseEvents(2);
      subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      await store.append('case-1', written.slice(0, 1));
      const first = (await iterator.next()).value as RecordedEvent;
      server.faults.silenceSubscriptions();
      await store.append('case-1', written.slice(1));
      expect((await iterator.next()).value).toMatchObject({ id: written[1].id });
      expect(log.lines).toEqual([
        expect.stringMatching(new RegExp(`^warn: \\$all subscription #\\d+ silent for 30 ms while \\$all moved on to \\d+: resubscribing after position ${first.position}, with backoff$`)),
        expect.stringMatching(/^log: \$all subscription #\d+ resubscribed after 1 attempt$/),
      ]);
    });
  });

  describe('the log', () => {
    it('tells a subscription dropped through an outage of several attempts in two lines, not one per attempt', async () => {
      open({ silenceCheckMs: 0 });
      const written = caseEvents(2);
      subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      await store.append('case-1', written.slice(0, 1));
      const first = (await iterator.next()).value as RecordedEvent;
      const waiting = iterator.next();
      server.faults.refuseConnections();
      await pause(15 * fast.retryMaxDelayMs);
      server.faults.admitConnections();
      await store.append('case-1', written.slice(1));
      expect((await waiting).value).toMatchObject({ id: written[1].id });
      // The append just after the outage may meet it too, and tell it in two lines of its own.
      const subscriptionLines = log.lines.filter((line) => line.includes('$all subscription'));
      expect(subscriptionLines).toHaveLength(2);
      expect(subscriptionLines[0]).toMatch(new RegExp(`^warn: \\$all subscription #\\d+ dropped \\(UnavailableError: .+\\): resubscribing after position ${first.position}, with backoff$`));
      const [, attempts] = /resubscribed after (\d+) attempts$/.exec(subscriptionLines[1]) ?? [];
      expect(Number(attempts)).toBeGreaterThan(1);
    });

    it('tells an unreachable node once, however many operations fail, and once that it answers again', async () => {
      open({ silenceCheckMs: 0 });
      server.faults.refuseConnections();
      await Promise.all(
        Array.from({ length: 3 }, (_, index) => expect(store.append(`case-${index}`, caseEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError)),
      );
      await expect(store.readStream('case-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      server.faults.admitConnections();
      await store.append('case-1', caseEvents(1));
      await store.append('case-2', caseEvents(1));
      expect(log.lines).toEqual([expect.stringMatching(/^warn: EventStoreDB unreachable \(UnavailableError: .+\): retrying with backoff$/), 'log: EventStoreDB answers again']);
    });

    it('tells a leader change once, however many appends were refused by the follower', async () => {
      const follower = await startEventStoreDbTestServer({ joining: server });
      follower.faults.follow(server.endpoint);
      open({ silenceCheckMs: 0 }, follower.connectionString);
      await Promise.all(Array.from({ length: 5 }, (_, index) => store.append(`case-${index}`, caseEvents(1))));
      await store.append('case-9', caseEvents(1));
      expect(log.lines).toEqual([`warn: EventStoreDB leader changed: following it to 127.0.0.1:${server.endpoint.port}`]);
      expect({ leader: server.writes, follower: follower.writes }).toEqual({ leader: 6, follower: 0 });
      await store.close();
      await follower.stop();
    });
  });
});
