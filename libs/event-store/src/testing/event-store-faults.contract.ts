/**
 * What a networked EventStore adapter must survive: subscriptions dropped, ended or silenced by
 * the server, connections cut or refused for a while, an append's answer lost, the leader moving
 * or gone. Whatever happens, a subscriber sees every event once, in position order, and a write
 * is stored once. The adapter under test must be configured with short backoffs and watchdog
 * checks (tens of ms) so that each case takes well under a second.
 */
import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventStore, EventToAppend, RecordedEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../event-store.errors';
import { PageReader } from './page-reader';

/** The faults, put on the node(s) the store talks to. */
export interface StoreFaults {
  /** The server ends every open subscription with an error. */
  dropSubscriptions(): void;
  /** The server ends every open subscription as if it were complete. */
  endSubscriptions(): void;
  /** The open subscriptions stay open but receive nothing more; writes go on. */
  silenceSubscriptions(): void;
  dropConnections(): void;
  /** Cuts every connection and refuses new ones until `admitConnections`. */
  refuseConnections(): void;
  admitConnections(): void;
  /** The next append is stored, but its answer is lost with the connection. */
  loseNextAppendReply(): void;
  /** The leader steps down and another node leads. */
  moveLeadership(): void;
  /** No node leads: each one names another as the leader. */
  loseLeadership(): void;
  /** Appends written by a node while it was a follower (forwarded to the leader instead of followed there). */
  writesByFollowers(): number;
}

export interface FaultyEventStore {
  store: EventStore;
  faults: StoreFaults;
  dispose: () => Promise<void>;
}

export function describeFaultRecoveryContract(adapterName: string, open: () => Promise<FaultyEventStore>): void {
  describe(`EventStore fault recovery: ${adapterName}`, () => {
    let opened: FaultyEventStore;
    let store: EventStore;
    let faults: StoreFaults;
    let subscription: AllSubscription | undefined;
    const runId = randomUUID().slice(0, 8);
    let streamCounter = 0;
    const newStream = (role: string) => `faults_${role}-${runId}-${++streamCounter}`;

    beforeEach(async () => {
      opened = await open();
      ({ store, faults } = opened);
    });
    afterEach(async () => {
      faults.admitConnections();
      await subscription?.unsubscribe();
      subscription = undefined;
      await opened.dispose();
    });

    /** A reader of one stream's events from the current end of the store. */
    const follow = async (stream: string) => {
      const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
      subscription = store.subscribeToAll({ after: newest?.position });
      return new PageReader(subscription, (event) => event.streamId === stream);
    };

    describe('a subscription sees every event once, in order', () => {
      it.each([
        ['dropped by the server', () => faults.dropSubscriptions()],
        ['ended by the server as if complete', () => faults.endSubscriptions()],
        ['cut off with its connection', () => faults.dropConnections()],
      ])('when %s while the consumer is part-way through, then again once caught up', async (_fault, inject) => {
        const stream = newStream('sub');
        const reader = await follow(stream);
        const written = events(9);
        await store.append(stream, written.slice(0, 5));
        const seen = await reader.take(2);
        inject();
        seen.push(...(await reader.take(3)));
        inject();
        await store.append(stream, written.slice(5));
        seen.push(...(await reader.take(4)));
        expectExactly(seen, written);
      });

      it('when its node refuses connections through several backoff attempts, with writes before and after', async () => {
        const stream = newStream('sub-outage');
        const reader = await follow(stream);
        const written = events(6);
        await store.append(stream, written.slice(0, 3));
        const seen = await reader.take(1);
        const rest = reader.take(5); // waiting on the server through the outage
        faults.refuseConnections();
        await pause(100);
        faults.admitConnections();
        await store.append(stream, written.slice(3));
        seen.push(...(await rest));
        expectExactly(seen, written);
      });

      it('when it goes silent while writes go on: it is restarted from the last event it delivered', async () => {
        const stream = newStream('sub-silent');
        const reader = await follow(stream);
        const written = events(5);
        await store.append(stream, written.slice(0, 2));
        const seen = await reader.take(2);
        faults.silenceSubscriptions();
        await store.append(stream, written.slice(2, 4));
        await store.append(stream, written.slice(4));
        seen.push(...(await reader.take(3)));
        expectExactly(seen, written);
      });

      it('when the leader moves and the connection is cut after', async () => {
        const stream = newStream('sub-leader');
        const reader = await follow(stream);
        const written = events(4);
        await store.append(stream, written.slice(0, 2));
        const seen = await reader.take(1);
        faults.moveLeadership();
        await store.append(stream, written.slice(2, 3));
        faults.dropConnections();
        await store.append(stream, written.slice(3));
        seen.push(...(await reader.take(3)));
        expectExactly(seen, written);
      });
    });

    describe('a write is stored once', () => {
      it.each([['an exact revision', 0n] as const, ["'any'", 'any'] as const, ["'no-stream'", 'no-stream'] as const])(
        'when its answer is lost with the connection, appending with %s',
        async (_name, expectedRevision) => {
          const stream = newStream('lost-reply');
          const opening = expectedRevision === 'no-stream' ? [] : events(1);
          if (opening.length > 0) await store.append(stream, opening);
          const batch = events(3);
          faults.loseNextAppendReply();
          const result = await store.append(stream, batch, { expectedRevision });
          const stored = await store.readStream(stream);
          expect(idsOf(stored)).toEqual(idsOf([...opening, ...batch]));
          expect(result).toEqual({ nextExpectedRevision: stored[stored.length - 1].revision, position: stored[stored.length - 1].position });
        },
      );

      it('on the leader, as leadership moves and moves back: no write is left to a follower to forward', async () => {
        const stream = newStream('leader');
        const written = events(3);
        await store.append(stream, written.slice(0, 1), { expectedRevision: 'no-stream' });
        faults.moveLeadership();
        expect((await store.append(stream, written.slice(1, 2), { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
        faults.moveLeadership();
        await store.append(stream, written.slice(2), { expectedRevision: 1n });
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(written));
        expect(faults.writesByFollowers()).toBe(0);
      });

      it('or refused as unavailable, after a bounded number of attempts, while no node leads; then on the new leader', async () => {
        const stream = newStream('no-leader');
        faults.loseLeadership();
        const refused = events(1);
        await expect(store.append(stream, refused)).rejects.toBeInstanceOf(EventStoreUnavailableError);
        faults.moveLeadership();
        const accepted = events(1);
        await store.append(stream, accepted);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(accepted));
      });
    });
  });
}

function events(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => ({ id: randomUUID(), type: 'FaultContractEventRecorded', data: { index } }));
}

const idsOf = (list: readonly { id: string }[]) => list.map((event) => event.id);
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Every written event once, in the order written, at strictly increasing positions. */
function expectExactly(seen: readonly RecordedEvent[], written: readonly EventToAppend[]): void {
  expect(idsOf(seen)).toEqual(idsOf(written));
  expect(seen.map((event) => event.revision)).toEqual(written.map((_, index) => BigInt(index)));
  seen.slice(1).forEach((event, index) => expect(event.position > seen[index].position).toBe(true));
}
