/**
 * A catch-up subscription to $all: confirmation, every stored event after the checkpoint, a
 * caught-up marker, then each new event as it is written. One cursor serves catch-up and live
 * delivery, so no event can fall between the two. While open, the node's faults can end it, with
 * an error or without, or silence it.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog } from './event-log';
import type { OpenSubscription } from './faults';
import type { Node } from './node';
import { refuse, send, type ReadCall } from './outbound';
import { eventResponse } from './wire';

export function subscribeToAll(node: Node, call: ReadCall, options: ReadReq.Options.AllOptions): void {
  const { log } = node;
  const position = options.getPosition();
  const checkpoint = position ? BigInt(position.getCommitPosition()) : undefined;
  if (checkpoint !== undefined && !log.isBoundary(checkpoint)) {
    return refuse(call, status.INVALID_ARGUMENT, `Invalid position ${checkpoint}`);
  }
  let cursor = checkpoint === undefined ? (options.hasEnd() ? log.events.length : 0) : firstIndexAfter(log, checkpoint);
  let delivering = false;
  let caughtUp = false;
  let confirmed = false;
  let silent = false;
  let ended = false;
  const sending = () => confirmed && !call.cancelled && !silent && !ended;

  const deliver = async (): Promise<void> => {
    if (delivering) return;
    delivering = true;
    while (cursor < log.events.length && sending()) await send(call, eventResponse(log.events[cursor++], true));
    if (!caughtUp && sending()) {
      caughtUp = true;
      await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    }
    delivering = false;
    if (cursor < log.events.length && sending()) void deliver();
  };

  const open: OpenSubscription = {
    drop: (code) => finish(() => refuse(call, code, 'Subscription dropped by the server')),
    end: () => finish(() => call.end()),
    silence: () => void (silent = true),
  };
  const stopListening = log.onAppended(() => void deliver());
  const finish = (how: () => void): void => {
    if (ended) return;
    ended = true;
    stopListening();
    node.faults.openSubscriptions.delete(open);
    if (!call.cancelled) how();
  };
  node.faults.openSubscriptions.add(open);
  call.on('cancelled', () => finish(() => undefined));

  const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  void send(call, new ReadResp().setConfirmation(confirmation)).then(() => {
    confirmed = true;
    return sending() ? deliver() : undefined;
  });
}

function firstIndexAfter(log: EventLog, checkpoint: bigint): number {
  const index = log.indexAt(checkpoint);
  return log.events[index]?.position === checkpoint ? index + 1 : index;
}
