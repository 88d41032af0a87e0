/**
 * The test server's faults, seen through the real client: what the adapter has to recover from.
 * The client recovers from none of them by itself (it only reconnects for the next call).
 */
import {
  EventStoreDBClient,
  jsonEvent,
  NotLeaderError,
  UnavailableError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from './server';

const caseEvent = (index: number) => jsonEvent({ type: 'HearingListed', data: { index } });

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of read) all.push(item);
  return all;
}

/** The stream names a subscription delivers, and how it ended. */
function watch(subscription: AllStreamSubscription) {
  const seen: string[] = [];
  subscription.on('data', ({ event }: AllStreamResolvedEvent) => {
    if (!event?.streamId.startsWith('$')) seen.push(`${event?.streamId}@${event?.revision}`);
  });
  const ended = new Promise<unknown>((resolve) => subscription.once('error', resolve).once('end', () => resolve('end')));
  const caughtUp = new Promise((resolve) => subscription.once('caughtUp', resolve));
  return { seen, ended, caughtUp };
}

describe("the test server's faults", () => {
  let server: EventStoreDbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    server = await startEventStoreDbTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  it('drops open subscriptions with an Unavailable error', async () => {
    const subscription = watch(client.subscribeToAll());
    await subscription.caughtUp;
    server.faults.dropSubscriptions();
    expect(await subscription.ended).toBeInstanceOf(UnavailableError);
  });

  it('ends open subscriptions as if they were complete', async () => {
    const subscription = watch(client.subscribeToAll());
    await subscription.caughtUp;
    server.faults.endSubscriptions();
    expect(await subscription.ended).toBe('end');
  });

  it('silences the open subscriptions while writes go on, and serves a later one', async () => {
    const silenced = client.subscribeToAll();
    const before = watch(silenced);
    await before.caughtUp;
    server.faults.silenceSubscriptions();
    await client.appendToStream('case-1', [caseEvent(0)]);
    const later = client.subscribeToAll();
    const after = watch(later);
    await after.caughtUp;
    expect(after.seen).toEqual(['case-1@0']);
    expect(before.seen).toEqual([]);
    await Promise.all([silenced.unsubscribe(), later.unsubscribe()]);
  });

  it('cuts every connection: the open subscription fails, and the next call reconnects', async () => {
    const subscription = watch(client.subscribeToAll());
    await subscription.caughtUp;
    server.faults.dropConnections();
    expect(await subscription.ended).toBeInstanceOf(UnavailableError);
    await client.appendToStream('case-1', [caseEvent(0)]);
    expect(await collect(client.readStream('case-1'))).toHaveLength(1);
  });

  it('refuses connections until admitted again', async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    server.faults.refuseConnections();
    await expect(client.appendToStream('case-1', [caseEvent(1)])).rejects.toBeInstanceOf(UnavailableError);
    server.faults.admitConnections();
    await client.appendToStream('case-1', [caseEvent(2)]);
    expect(await collect(client.readStream('case-1'))).toHaveLength(2);
  });

  it.each([true, false])('stores an append whose answer it then loses with the connection (BatchAppend: %s)', async (batchAppend) => {
    const node = await startEventStoreDbTestServer({ batchAppend });
    const direct = EventStoreDBClient.connectionString(node.connectionString);
    node.faults.loseNextAppendReply();
    await expect(direct.appendToStream('case-1', [caseEvent(0)])).rejects.toBeInstanceOf(UnavailableError);
    expect(await collect(direct.readStream('case-1'))).toHaveLength(1);
    await direct.dispose();
    await node.stop();
  });
});

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('two test servers as one cluster, appending through $path', ({ batchAppend }) => {
  let leader: EventStoreDbTestServer;
  let follower: EventStoreDbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    leader = await startEventStoreDbTestServer({ batchAppend });
    follower = await startEventStoreDbTestServer({ batchAppend, joining: leader });
    follower.faults.follow(leader.endpoint);
    client = EventStoreDBClient.connectionString(follower.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await Promise.all([leader.stop(), follower.stop()]);
  });

  it("answers a leader-only write on the follower with 'not leader', naming the leader, and the client's next call goes there", async () => {
    const refused = client.appendToStream('case-1', [caseEvent(0)], { requiresLeader: true });
    await expect(refused).rejects.toBeInstanceOf(NotLeaderError);
    await expect(refused).rejects.toMatchObject({ leader: { address: '127.0.0.1', port: leader.endpoint.port } });
    await client.appendToStream('case-1', [caseEvent(1)], { requiresLeader: true });
    expect({ leader: leader.writes, follower: follower.writes }).toEqual({ leader: 1, follower: 0 });
  });

  it('serves a write without requires-leader on the follower, as a real follower forwards it, into the shared log', async () => {
    await client.appendToStream('case-1', [caseEvent(0)]);
    expect(follower.writes).toBe(1);
    const onLeader = EventStoreDBClient.connectionString(leader.connectionString);
    expect(await collect(onLeader.readStream('case-1'))).toHaveLength(1);
    await onLeader.dispose();
  });

  it("answers a leader-only read on the follower with 'not leader'", async () => {
    await expect(collect(client.readStream('case-1', { requiresLeader: true }))).rejects.toBeInstanceOf(NotLeaderError);
  });
});
