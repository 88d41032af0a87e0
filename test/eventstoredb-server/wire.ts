/**
 * Translation between EventStoreDB's gRPC messages and the in-memory log. 64-bit numbers travel
 * as decimal strings; `created` is in 100 ns ticks since the Unix epoch.
 */
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Empty as SharedEmpty, StreamIdentifier, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, BatchAppendReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { CurrentState, ExpectedState, LoggedEvent, ProposedEvent } from './event-log';

const TICKS_PER_MILLISECOND = 10_000n;

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(streamId, 'utf8')));
}

export function uuidText(uuid: UUID | undefined): string {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString();
  const structured = uuid.getStructured();
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured?.getMostSignificantBits() ?? '0'), 0);
  bytes.writeBigInt64BE(BigInt(structured?.getLeastSignificantBits() ?? '0'), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidText(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** Expected state of an Append or BatchAppend options message. */
export function expectedStateOf(options: AppendReq.Options | BatchAppendReq.Options): ExpectedState {
  if (options.hasNoStream()) return 'no-stream';
  if (options.hasStreamExists()) return 'stream-exists';
  if (options instanceof AppendReq.Options && options.hasRevision()) return BigInt(options.getRevision());
  if (options instanceof BatchAppendReq.Options && options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  return 'any';
}

/** The shared WrongExpectedVersion detail that BatchAppend packs into its error status. */
export function wrongExpectedVersionDetail(expected: ExpectedState, current: CurrentState): WrongExpectedVersion {
  const detail = new WrongExpectedVersion();
  if (current === 'no-stream') detail.setCurrentNoStream(new Empty());
  else detail.setCurrentStreamRevision(current.toString());
  if (expected === 'any') detail.setExpectedAny(new Empty());
  else if (expected === 'no-stream') detail.setExpectedNoStream(new Empty());
  else if (expected === 'stream-exists') detail.setExpectedStreamExists(new Empty());
  else detail.setExpectedStreamPosition(expected.toString());
  return detail;
}

/** A read response carrying one event; `fromAll` adds the $all position as EventStoreDB does on $all reads. */
export function eventResponse(event: LoggedEvent, fromAll: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', (BigInt(event.created.getTime()) * TICKS_PER_MILLISECOND).toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded);
  if (fromAll) readEvent.setCommitPosition(event.position.toString());
  else readEvent.setNoPosition(new SharedEmpty());
  return new ReadResp().setEvent(readEvent);
}
