/** The client's append and read failures, as the port's typed errors. */
import { StreamNotFoundError as ClientStreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { ExpectedRevision } from '../event-store.port';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';

export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision = 'any'): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : 'no-stream';
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }
  if (error instanceof ClientStreamNotFoundError) return new StreamNotFoundError(streamId);
  return error;
}
