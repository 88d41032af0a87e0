/**
 * Streams/Append (one options message, then the proposed events) and Streams/BatchAppend (one
 * long-lived duplex call carrying batches keyed by correlation id). The client uses BatchAppend
 * when the server advertises it. A failed BatchAppend answers with a google.rpc.Status whose
 * details pack the shared WrongExpectedVersion: the client cannot read a bare status there.
 */
import { status, type handleBidiStreamingCall, type handleClientStreamingCall } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, Empty as SharedEmpty } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, ExpectedState, ProposedEvent } from './event-log';
import type { Node } from './node';
import { expectedStateOf, proposedEvent, streamIdentifier, streamNameOf, wrongExpectedVersionDetail } from './wire';

export function appendHandler(node: Node): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      const message = request.getProposedMessage();
      if (request.hasOptions()) options = request.getOptions();
      else if (message) events.push(proposedEvent(message));
    });
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Append without options' });
      const refusal = node.role.refusal(call.metadata);
      if (refusal) return callback(refusal);
      const expected = expectedStateOf(options);
      const outcome = write(node, streamNameOf(options.getStreamIdentifier()), expected, events);
      if (!node.faults.takeReplyToLose()) callback(null, appendResponse(expected, outcome));
    });
  };
}

/** A follower fails the whole call on a leader-only write, as EventStoreDB does: its other batches are lost with it. */
export function batchAppendHandler(node: Node): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    const pending = new Map<string, { options?: BatchAppendReq.Options; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId()?.getString() ?? '';
      const batch = pending.get(correlationId) ?? { events: [] };
      if (request.hasOptions()) batch.options = request.getOptions();
      batch.events.push(...request.getProposedMessagesList().map(proposedEvent));
      pending.set(correlationId, batch);
      if (!request.getIsFinal() || !batch.options) return;
      pending.delete(correlationId);
      const refusal = node.role.refusal(call.metadata);
      if (refusal) return void call.emit('error', refusal);
      const streamId = streamNameOf(batch.options.getStreamIdentifier());
      const expected = expectedStateOf(batch.options);
      const response = batchAppendResponse(streamId, expected, write(node, streamId, expected, batch.events));
      if (!node.faults.takeReplyToLose()) call.write(response.setCorrelationId(request.getCorrelationId()));
    });
    call.on('end', () => call.end());
  };
}

function write(node: Node, streamId: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
  node.writes++;
  return node.log.append(streamId, expected, events);
}

function appendResponse(expected: ExpectedState, outcome: AppendOutcome): AppendResp {
  if (outcome.kind === 'wrong-expected-version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.current === 'no-stream') wrong.setCurrentNoStream(new SharedEmpty());
    else wrong.setCurrentRevision(outcome.current.toString());
    if (expected === 'any') wrong.setExpectedAny(new SharedEmpty());
    else if (expected === 'no-stream') wrong.setExpectedNoStream(new SharedEmpty());
    else if (expected === 'stream-exists') wrong.setExpectedStreamExists(new SharedEmpty());
    else wrong.setExpectedRevision(expected.toString());
    return new AppendResp().setWrongExpectedVersion(wrong);
  }
  const success = new AppendResp.Success();
  if (outcome.current === 'no-stream') success.setNoStream(new SharedEmpty());
  else success.setCurrentRevision(outcome.current.toString());
  if (outcome.position === undefined) success.setNoPosition(new SharedEmpty());
  else success.setPosition(new AppendResp.Position().setCommitPosition(`${outcome.position}`).setPreparePosition(`${outcome.position}`));
  return new AppendResp().setSuccess(success);
}

function batchAppendResponse(streamId: string, expected: ExpectedState, outcome: AppendOutcome): BatchAppendResp {
  const response = new BatchAppendResp().setStreamIdentifier(streamIdentifier(streamId));
  if (expected === 'any') response.setAny(new Empty());
  else if (expected === 'no-stream') response.setNoStream(new Empty());
  else if (expected === 'stream-exists') response.setStreamExists(new Empty());
  else response.setStreamPosition(expected.toString());
  if (outcome.kind === 'wrong-expected-version') {
    const details = new Any();
    details.pack(wrongExpectedVersionDetail(expected, outcome.current).serializeBinary(), 'event_store.client.WrongExpectedVersion');
    return response.setError(new Status().setCode(Code.FAILED_PRECONDITION).setMessage('Wrong expected version').setDetails(details));
  }
  const success = new BatchAppendResp.Success();
  if (outcome.current === 'no-stream') success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.current.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else success.setPosition(new AllStreamPosition().setCommitPosition(`${outcome.position}`).setPreparePosition(`${outcome.position}`));
  return response.setSuccess(success);
}
