/** The client's append and read failures, as the port's typed errors. */
import { StreamNotFoundError as ClientStreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { ExpectedRevision } from '../event-store.port';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import { isTransient } from './eventstoredb-resilience';

export function toPortError(error: unknown, streamId: string | undefined, expected: ExpectedRevision = 'any'): unknown {
  if (error instanceof WrongExpectedVersionError && streamId !== undefined) {
    const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : 'no-stream';
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }
  if (error instanceof ClientStreamNotFoundError && streamId !== undefined) return new StreamNotFoundError(streamId);
  // Still failing after the retries: the node is unreachable, or none would say it leads.
  if (isTransient(error)) return new EventStoreUnavailableError(streamId, { cause: error });
  return error;
}
