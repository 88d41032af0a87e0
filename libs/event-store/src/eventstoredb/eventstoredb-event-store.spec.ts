/**
 * What the EventStoreDB adapter adds to the shared contract (test/event-store): EventStoreDB's
 * own events stay out of $all reads and subscriptions, and closing the store ends subscriptions.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '../../../../test/eventstoredb-server';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { EventStoreDBEventStore } from './eventstoredb-event-store';

const caseEvents = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type: 'HearingListed', data: { index } }));
const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id);

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
