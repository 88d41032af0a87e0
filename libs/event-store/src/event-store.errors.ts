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

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
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
