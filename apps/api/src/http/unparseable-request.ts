import type { Duplex } from 'node:stream';

/** Node's own answers to requests its HTTP parser refuses, kept, but as problem documents. */
const STATUS_OF: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Content Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * The server's `clientError` listener: a request that is not well-formed HTTP (a NUL or a bare
 * line feed in a header, say) never reaches the application, and Node answers it with an empty
 * 400. This answers it as every other refusal is answered: with an RFC 9457 problem document.
 */
export function answerUnparseableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason] = STATUS_OF[error.code ?? ''] ?? [400, 'Bad Request'];
  const body = JSON.stringify({ status, title: reason, detail: `The request is not well-formed HTTP/1.1 (${error.code ?? error.message})` });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
