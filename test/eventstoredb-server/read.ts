/**
 * Streams/Read: reads of one stream, reads of $all, and subscriptions to $all (handed to
 * `subscription.ts`). Stream reads are inclusive of their starting revision in both directions;
 * $all reads are inclusive of their starting position forwards and exclusive of it backwards.
 * A position that is not the start of a record is refused, as the real server cannot read there.
 */
import { status, type handleServerStreamingCall } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, LoggedEvent } from './event-log';
import type { Node } from './node';
import { refuse, sendAll, type ReadCall } from './outbound';
import { subscribeToAll } from './subscription';
import { eventResponse, streamIdentifier, streamNameOf } from './wire';

export function readHandler(node: Node): handleServerStreamingCall<ReadReq, ReadResp> {
  const { log } = node;
  return (call) => {
    const refusal = node.role.refusal(call.metadata);
    if (refusal) return void call.emit('error', refusal);
    const options = call.request.getOptions();
    if (!options) return refuse(call, status.INVALID_ARGUMENT, 'Read without options');
    if (options.hasFilter()) return refuse(call, status.UNIMPLEMENTED, 'The test server does not filter reads');
    const all = options.getAll();
    if (options.hasSubscription()) {
      if (!all) return refuse(call, status.UNIMPLEMENTED, 'The test server only subscribes to $all');
      return subscribeToAll(node, call, all);
    }
    const count = BigInt(options.getCount() || '0');
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const stream = options.getStream();
    if (stream) return readStream(log, call, stream, backwards, count);
    if (all) return readAll(log, call, all, backwards, count);
    refuse(call, status.INVALID_ARGUMENT, 'Read of neither a stream nor $all');
  };
}

function readStream(log: EventLog, call: ReadCall, options: ReadReq.Options.StreamOptions, backwards: boolean, count: bigint): void {
  const streamId = streamNameOf(options.getStreamIdentifier());
  const events = log.stream(streamId);
  if (!events) {
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId));
    return void sendAll(call, [new ReadResp().setStreamNotFound(notFound)]);
  }
  const from = startRevision(options, backwards, BigInt(events.length - 1));
  const selected = backwards
    ? events.filter((event) => event.revision <= from).reverse()
    : events.filter((event) => event.revision >= from);
  void sendAll(call, responses(selected, count, false));
}

function startRevision(options: ReadReq.Options.StreamOptions, backwards: boolean, last: bigint): bigint {
  if (options.hasRevision()) return BigInt(options.getRevision());
  if (options.hasEnd()) return backwards ? last : last + 1n;
  return 0n;
}

function readAll(log: EventLog, call: ReadCall, options: ReadReq.Options.AllOptions, backwards: boolean, count: bigint): void {
  const position = options.getPosition();
  if (position && !log.isBoundary(BigInt(position.getCommitPosition()))) {
    return refuse(call, status.INVALID_ARGUMENT, `Invalid position ${position.getCommitPosition()}`);
  }
  const events = log.events;
  const index = position ? log.indexAt(BigInt(position.getCommitPosition())) : options.hasEnd() ? events.length : 0;
  const selected = backwards ? events.slice(0, index).reverse() : events.slice(index);
  void sendAll(call, responses(selected, count, true));
}

function* responses(events: readonly LoggedEvent[], count: bigint, fromAll: boolean): Generator<ReadResp> {
  for (let index = 0; index < events.length && BigInt(index) < count; index++) yield eventResponse(events[index], fromAll);
}
