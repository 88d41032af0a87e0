/**
 * The port's global position is EventStoreDB's commit position.
 *
 * Assumption: for every event this product writes (gRPC appends, never explicit transactions),
 * EventStoreDB gives the event a commit position equal to its prepare position, so one number
 * names one event and `{ commit: p, prepare: p }` points at it exactly. Events written in an
 * explicit transaction (the legacy TCP API) would break that, and none are.
 */
import type { Position } from '@eventstore/db-client';

/** What servers older than 22.10 put on stream reads instead of a position. */
const NO_POSITION = 2n ** 64n - 1n;

export function positionOf(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function commitPositionOf(eventId: string, position: Position | undefined): bigint {
  if (position === undefined || position.commit === NO_POSITION) {
    throw new Error(`EventStoreDB gave no position for event ${eventId}: stream reads carry positions from server version 22.10`);
  }
  return position.commit;
}
