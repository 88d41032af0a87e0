/**
 * The faults a test can put on a node, each one a thing a real cluster does: end the open
 * subscriptions with an error or as if complete, cut or refuse connections, keep a subscription
 * open while sending nothing more, step down as leader, and lose the answer to a write it stored.
 */
import { status } from '@grpc/grpc-js';
import type { FrontDoor } from './front-door';
import type { Endpoint, NodeRole } from './node-role';

/** An open $all subscription, as the faults see it. */
export interface OpenSubscription {
  /** Ends the call with an error status, as a node does when it shuts down or changes role. */
  drop(code: status): void;
  /** Ends the call with an OK status, as if the subscription were complete. */
  end(): void;
  /** Keeps the call open but sends nothing more on it. */
  silence(): void;
}

export class NodeFaults {
  readonly openSubscriptions = new Set<OpenSubscription>();
  private replyToLose = false;

  constructor(
    private readonly door: FrontDoor,
    private readonly role: NodeRole,
  ) {}

  dropSubscriptions(code: status = status.UNAVAILABLE): void {
    for (const subscription of [...this.openSubscriptions]) subscription.drop(code);
  }

  endSubscriptions(): void {
    for (const subscription of [...this.openSubscriptions]) subscription.end();
  }

  /** The subscriptions open now go silent; writes go on, and later subscriptions are served. */
  silenceSubscriptions(): void {
    for (const subscription of this.openSubscriptions) subscription.silence();
  }

  dropConnections(): void {
    this.door.cut();
  }

  /** Cuts every connection and closes new ones until `admitConnections`: the node is unreachable. */
  refuseConnections(): void {
    this.door.refuse();
    this.door.cut();
  }

  admitConnections(): void {
    this.door.admit();
  }

  /** This node becomes a follower of the node at `leader`. */
  follow(leader: Endpoint): void {
    this.role.follow(leader);
  }

  lead(): void {
    this.role.lead();
  }

  /** The next append is stored, then every connection is cut before its answer is sent. */
  loseNextAppendReply(): void {
    this.replyToLose = true;
  }

  /** For the append handlers: true (once) when this append's answer is to be lost. */
  takeReplyToLose(): boolean {
    const lose = this.replyToLose;
    this.replyToLose = false;
    if (lose) this.door.cut();
    return lose;
  }
}
