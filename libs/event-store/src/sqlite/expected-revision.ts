import type { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';

/** Refuses the write unless the stream's last revision (undefined: no stream) is what the writer expected. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, head: bigint | undefined): void {
  if (!isExpectedRevision(expected, head)) throw new WrongExpectedRevisionError(streamId, expected, head ?? 'no-stream');
}

export function isExpectedRevision(expected: ExpectedRevision, head: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return head === undefined;
    case 'stream-exists':
      return head !== undefined;
    default:
      return head === expected;
  }
}

/**
 * Whether a batch already stored from `firstRevision` on is the very write now repeated: the same
 * rule EventStoreDB applies, so an idempotent retry succeeds only where the original could have.
 */
export function isSameWrite(expected: ExpectedRevision, firstRevision: bigint): boolean {
  switch (expected) {
    case 'any':
    case 'stream-exists':
      return true;
    case 'no-stream':
      return firstRevision === 0n;
    default:
      return firstRevision === expected + 1n;
  }
}
