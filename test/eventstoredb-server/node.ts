/** What a node's request handlers share: the log (one per cluster), the node's role and its faults. */
import type { EventLog } from './event-log';
import type { NodeFaults } from './faults';
import type { NodeRole } from './node-role';

export interface Node {
  readonly log: EventLog;
  readonly role: NodeRole;
  readonly faults: NodeFaults;
  /** Appends this node has written to the log (a follower that refuses one does not count it). */
  writes: number;
}
