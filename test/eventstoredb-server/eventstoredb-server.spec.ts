/**
 * What the test server shows through the real client, for the behaviours of EventStoreDB the
 * adapter relies on. These facts come from EventStoreDB's documentation and client source, not
 * from a running server: see the README for what only a real server can prove.
 */
import {
  END,
  EventStoreDBClient,
  jsonEvent,
  START,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from './server';

const clock = () => new Date('2026-03-02T10:15:00.000Z');
const caseEvent = (index: number) => jsonEvent({ type: 'HearingListed', data: { index } });

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of read) all.push(item);
  return all;
}

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('the test server, appending through $path', ({ batchAppend }) => {
  let server: EventStoreDbTestServer;
  let client: EventStoreDBClient;
  const batchAppendCalls = jest.spyOn(StreamsClient.prototype, 'batchAppend');

  beforeEach(async () => {
    server = await startEventStoreDbTestServer({ batchAppend, clock });
    client = EventStoreDBClient.connectionString(server.connectionString);
    batchAppendCalls.mockClear();
  });
  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  it('is reached by the client through the advertised method', async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    expect(batchAppendCalls.mock.calls.length > 0).toBe(batchAppend);
  });

  it('given a stream at revision 1, refuses an append expecting 0 and names the actual revision', async () => {
    await client.appendToStream('case-1', [caseEvent(0), caseEvent(1)]);
    const refused = client.appendToStream('case-1', [caseEvent(2)], { expectedRevision: 0n });
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(refused).rejects.toMatchObject({ streamName: 'case-1', expectedVersion: 0n, actualVersion: 1n });
  });

  it('given a written batch, an identical re-append writes nothing, answers its last revision and no position', async () => {
    const batch = [caseEvent(0), caseEvent(1)];
    const first = await client.appendToStream('case-1', batch, { expectedRevision: 'no_stream' });
    await client.appendToStream('case-1', [caseEvent(2)]);
    const again = await client.appendToStream('case-1', batch, { expectedRevision: 'no_stream' });
    expect(first.position).toBeDefined();
    expect(again).toMatchObject({ success: true, nextExpectedRevision: 1n, position: undefined });
    expect(await collect(client.readStream('case-1'))).toHaveLength(3);
  });

  it('given a written batch, refuses a batch that repeats only its first event', async () => {
    const batch = [caseEvent(0), caseEvent(1)];
    await client.appendToStream('case-1', batch, { expectedRevision: 'no_stream' });
    const partly = client.appendToStream('case-1', [batch[0], caseEvent(9)], { expectedRevision: 'no_stream' });
    await expect(partly).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});

describe('the test server', () => {
  let server: EventStoreDbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    server = await startEventStoreDbTestServer({ clock });
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  it('has, like a fresh node, its own $-prefixed events in $all before any written event', async () => {
    const all = await collect(client.readAll());
    expect(all.length).toBeGreaterThan(0);
    expect(all.every(({ event }) => event?.streamId.startsWith('$') && event.type.startsWith('$'))).toBe(true);
  });

  it('places events at byte-like positions: increasing, not consecutive, commit equal to prepare, as on stream reads', async () => {
    await client.appendToStream('case-1', [caseEvent(0), caseEvent(1), caseEvent(2)]);
    const fromAll = (await collect(client.readAll({ fromPosition: START }))).filter(({ event }) => event?.streamId === 'case-1');
    const positions = fromAll.map(({ event }) => event!.position!);
    expect(positions.every(({ commit, prepare }) => commit === prepare)).toBe(true);
    expect(positions[1].commit - positions[0].commit > 1n).toBe(true);
    expect(positions[2].commit > positions[1].commit).toBe(true);
    const fromStream = await collect(client.readStream('case-1'));
    expect(fromStream.map(({ event }) => event!.position)).toEqual(positions);
    expect(fromAll.map(({ commitPosition }) => commitPosition)).toEqual(positions.map(({ commit }) => commit));
  });

  it("stamps each event with the server's clock", async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    const [read] = await collect(client.readStream('case-1'));
    expect(read.event!.created).toEqual(clock());
  });

  it('reads $all forwards from an event including it, and backwards from it excluding it', async () => {
    await client.appendToStream('case-1', [caseEvent(0), caseEvent(1), caseEvent(2)]);
    const [, middle] = await collect(client.readStream('case-1'));
    const at = middle.event!.position!;
    const forwards = await collect(client.readAll({ fromPosition: at, maxCount: 2 }));
    const backwards = await collect(client.readAll({ fromPosition: at, direction: 'backwards', maxCount: 1 }));
    expect(forwards.map(({ event }) => event!.revision)).toEqual([1n, 2n]);
    expect(backwards.map(({ event }) => event!.revision)).toEqual([0n]);
  });

  it('refuses to read $all from a position inside a record', async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    const [written] = await collect(client.readStream('case-1'));
    const inside = written.event!.position!.commit + 1n;
    await expect(collect(client.readAll({ fromPosition: { commit: inside, prepare: inside } }))).rejects.toThrow(/Invalid position/);
  });

  it('confirms a subscription from a position, catches up on later events only, signals it, then delivers new ones', async () => {
    await client.appendToStream('case-1', [caseEvent(0), caseEvent(1)]);
    const [first] = await collect(client.readStream('case-1'));
    const subscription = client.subscribeToAll({ fromPosition: first.event!.position! });
    const seen: string[] = [];
    const confirmed = new Promise<void>((resolve) => subscription.once('confirmation', resolve));
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    subscription.on('data', ({ event }: AllStreamResolvedEvent) => seen.push(`${event!.streamId}@${event!.revision}`));
    await confirmed;
    await caughtUp;
    expect(seen).toEqual(['case-1@1']);
    const live = new Promise<void>((resolve) => subscription.once('data', () => resolve()));
    await client.appendToStream('case-2', [caseEvent(0)]);
    await live;
    expect(seen).toEqual(['case-1@1', 'case-2@0']);
    await subscription.unsubscribe();
  });

  it('subscribes from the end to new events only', async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    const subscription = client.subscribeToAll({ fromPosition: END });
    await new Promise((resolve) => subscription.once('caughtUp', resolve));
    const next = new Promise<AllStreamResolvedEvent>((resolve) => subscription.once('data', resolve));
    await client.appendToStream('case-2', [caseEvent(0)]);
    expect((await next).event!.streamId).toBe('case-2');
    await subscription.unsubscribe();
  });

  it('stops at once with a subscription still open', async () => {
    const subscription = client.subscribeToAll();
    subscription.on('error', () => undefined);
    await new Promise((resolve) => subscription.once('caughtUp', resolve));
    await server.stop();
    await new Promise((resolve) => subscription.once('close', resolve).once('end', resolve).once('error', resolve));
  });
});
