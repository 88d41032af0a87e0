/**
 * A catch-up subscription to $all: confirmation, every stored event after the checkpoint, a
 * caught-up marker, then each new event as it is written. One cursor serves catch-up and live
 * delivery, so no event can fall between the two.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog } from './event-log';
import { refuse, send, type ReadCall } from './outbound';
import { eventResponse } from './wire';

export function subscribeToAll(log: EventLog, call: ReadCall, options: ReadReq.Options.AllOptions): void {
  const position = options.getPosition();
  const checkpoint = position ? BigInt(position.getCommitPosition()) : undefined;
  if (checkpoint !== undefined && !log.isBoundary(checkpoint)) {
    return refuse(call, status.INVALID_ARGUMENT, `Invalid position ${checkpoint}`);
  }
  let cursor = checkpoint === undefined ? (options.hasEnd() ? log.events.length : 0) : firstIndexAfter(log, checkpoint);
  let delivering = false;
  let caughtUp = false;

  const deliver = async (): Promise<void> => {
    if (delivering) return;
    delivering = true;
    while (cursor < log.events.length && !call.cancelled) await send(call, eventResponse(log.events[cursor++], true));
    if (!caughtUp && !call.cancelled) {
      caughtUp = true;
      await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    }
    delivering = false;
    if (cursor < log.events.length && !call.cancelled) void deliver();
  };

  const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  void send(call, new ReadResp().setConfirmation(confirmation)).then(() => {
    if (call.cancelled) return;
    call.on('cancelled', log.onAppended(() => void deliver()));
    return deliver();
  });
}

function firstIndexAfter(log: EventLog, checkpoint: bigint): number {
  const index = log.indexAt(checkpoint);
  return log.events[index]?.position === checkpoint ? index + 1 : index;
}
