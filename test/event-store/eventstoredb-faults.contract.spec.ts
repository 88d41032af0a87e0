/**
 * The fault recovery contract on the EventStoreDB adapter, through two in-process protocol
 * servers sharing one log as a two-node cluster, with the faults of `test/eventstoredb-server`.
 * Backoffs and the silence watchdog are shortened to tens of milliseconds.
 */
import { EventStoreDBEventStore } from '@case-journey/event-store';
import { describeFaultRecoveryContract, type StoreFaults } from '../../libs/event-store/src/testing/event-store-faults.contract';
import { startEventStoreDbTestServer, type EventStoreDbTestServer } from '../eventstoredb-server';

const resilience = { retryInitialDelayMs: 10, retryMaxDelayMs: 40, operationAttempts: 4, silenceCheckMs: 60 };
const quiet = { log: () => undefined, warn: () => undefined };

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('EventStoreDB through $path', ({ batchAppend }) => {
  describeFaultRecoveryContract(`EventStoreDB (two in-process nodes, ${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const first = await startEventStoreDbTestServer({ batchAppend });
    const second = await startEventStoreDbTestServer({ batchAppend, joining: first });
    const cluster = new TwoNodeCluster(first, second);
    // The store knows only the first node, as a single-node connection string: it finds the leader by being told.
    const store = new EventStoreDBEventStore(first.connectionString, { resilience, log: quiet });
    return {
      store,
      faults: cluster,
      dispose: async () => {
        await store.close();
        await Promise.all([first.stop(), second.stop()]);
      },
    };
  });
});

/** Connection faults go to both nodes; leadership moves between them. */
class TwoNodeCluster implements StoreFaults {
  private forwardedBefore = 0;
  private followerWritesAtStart: number;

  constructor(
    private leader: EventStoreDbTestServer,
    private follower: EventStoreDbTestServer,
  ) {
    follower.faults.follow(leader.endpoint);
    this.followerWritesAtStart = follower.writes;
  }

  private get nodes() {
    return [this.leader, this.follower];
  }

  dropSubscriptions = () => this.nodes.forEach((node) => node.faults.dropSubscriptions());
  endSubscriptions = () => this.nodes.forEach((node) => node.faults.endSubscriptions());
  silenceSubscriptions = () => this.nodes.forEach((node) => node.faults.silenceSubscriptions());
  dropConnections = () => this.nodes.forEach((node) => node.faults.dropConnections());
  refuseConnections = () => this.nodes.forEach((node) => node.faults.refuseConnections());
  admitConnections = () => this.nodes.forEach((node) => node.faults.admitConnections());
  loseNextAppendReply = () => this.nodes.forEach((node) => node.faults.loseNextAppendReply());

  moveLeadership(): void {
    this.forwardedBefore = this.writesByFollowers();
    [this.leader, this.follower] = [this.follower, this.leader];
    this.leader.faults.lead();
    this.follower.faults.follow(this.leader.endpoint);
    this.followerWritesAtStart = this.follower.writes;
  }

  loseLeadership(): void {
    this.leader.faults.follow(this.follower.endpoint);
  }

  writesByFollowers(): number {
    return this.forwardedBefore + this.follower.writes - this.followerWritesAtStart;
  }
}
