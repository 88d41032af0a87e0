/** Writing to a server-streaming call: respect back-pressure, stop once the client has gone. */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export function send(call: ReadCall, response: ReadResp): Promise<void> {
  if (call.cancelled || call.write(response)) return Promise.resolve();
  return new Promise((resolve) => {
    const resume = (): void => {
      call.off('drain', resume);
      call.off('cancelled', resume);
      resolve();
    };
    call.on('drain', resume);
    call.on('cancelled', resume);
  });
}

export async function sendAll(call: ReadCall, responses: Iterable<ReadResp>): Promise<void> {
  for (const response of responses) {
    if (call.cancelled) return;
    await send(call, response);
  }
  call.end();
}

/** Ends the call with an error status, as the real server does for requests it refuses. */
export function refuse(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}
