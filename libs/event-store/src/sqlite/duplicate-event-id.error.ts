/**
 * Event ids are unique within a stream (across the whole log in a file made before 2026-12-01).
 * Raised when a write the stream's revision allows carries an id already stored (other than as a
 * repeat of the very same write, which is de-duplicated) or the same id twice.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly eventId: string,
    /** Stream already holding the id, or undefined when the batch itself repeats it. */
    readonly storedInStream: string | undefined,
  ) {
    super(
      storedInStream === undefined
        ? `Event id ${eventId} appears twice in one batch`
        : `Event id ${eventId} is already stored in stream ${storedInStream}`,
    );
  }
}
