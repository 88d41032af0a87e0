/**
 * Whether this node leads its cluster. A follower refuses a call that the client marks
 * `requires-leader` with EventStoreDB's "not leader" answer, naming the leader's endpoint, and
 * serves any other call: a real follower forwards such writes to the leader, and the nodes of a
 * test cluster share one log.
 */
import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';

export interface Endpoint {
  host: string;
  port: number;
}

export class NodeRole {
  /** Undefined while this node leads. */
  private leader?: Endpoint;

  follow(leader: Endpoint): void {
    this.leader = leader;
  }

  lead(): void {
    this.leader = undefined;
  }

  /** The answer to a call this node must refuse as a follower, or undefined when it may serve it. */
  refusal(metadata: Metadata): ServerErrorResponse | undefined {
    if (!this.leader || metadata.get('requires-leader')[0] !== 'true') return undefined;
    const trailers = new Metadata();
    trailers.set('exception', 'not-leader');
    trailers.set('leader-endpoint-host', this.leader.host);
    trailers.set('leader-endpoint-port', String(this.leader.port));
    return { name: 'NotLeader', message: 'Leader info available', code: status.NOT_FOUND, details: 'Leader info available', metadata: trailers };
  }
}
