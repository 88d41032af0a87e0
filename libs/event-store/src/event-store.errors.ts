import type { ExpectedRevision } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no-stream'. */
    readonly actual: bigint | 'no-stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/**
 * The stream has no event: an answer more than a fault (a bulk import meets one for every new case
 * it opens), so it is made without the stack an Error captures, which cost as much as the read.
 */
export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamId: string) {
    const stackFrames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`Stream ${streamId} not found`);
    Error.stackTraceLimit = stackFrames;
  }
}

/** The store could not be reached, or no node would take the request, even after the adapter's retries. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(
    readonly streamId: string | undefined,
    options: { cause: unknown },
  ) {
    super(`The event store is unavailable${streamId ? ` for ${streamId}` : ''}: ${String((options.cause as Error)?.message ?? options.cause)}`, options);
  }
}
