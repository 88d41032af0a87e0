/**
 * The in-memory log behind the test server: streams, the global log ($all) and the rules
 * EventStoreDB applies to a write (expected revision, idempotent re-append by event id).
 *
 * Positions are byte offsets as in EventStoreDB's transaction file: each record advances the
 * log by its size, so positions are increasing but never consecutive. Commit and prepare
 * positions are the same number, as they are for events written by gRPC appends.
 */

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LoggedEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  position: bigint;
  created: Date;
}

export type ExpectedState = 'any' | 'no-stream' | 'stream-exists' | bigint;
export type CurrentState = bigint | 'no-stream';

export type AppendOutcome =
  /** `position` is absent when nothing was written (idempotent or empty append), as on the real server. */
  | { kind: 'success'; current: CurrentState; position?: bigint }
  | { kind: 'wrong-expected-version'; current: CurrentState };

const RECORD_OVERHEAD = 88;

export class EventLog {
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly all: LoggedEvent[] = [];
  /** By stream and event id: an id may be reused in another stream. */
  private readonly byStreamAndId = new Map<string, LoggedEvent>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = 0n;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  append(streamId: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current: CurrentState = stream.length === 0 ? 'no-stream' : BigInt(stream.length - 1);
    const decision = decideWrite(stream, expected, events, (id) => this.byStreamAndId.get(placeKey(streamId, id)));
    if (decision === 'wrong-expected-version') return { kind: 'wrong-expected-version', current };
    if (decision !== 'write') return { kind: 'success', current: decision };
    if (events.length === 0) return { kind: 'success', current };
    const created = this.clock();
    for (const event of events) {
      const logged = { ...event, streamId, revision: BigInt(stream.length), position: this.nextPosition, created };
      this.nextPosition += recordSize(logged);
      stream.push(logged);
      this.all.push(logged);
      this.byStreamAndId.set(placeKey(streamId, logged.id), logged);
    }
    this.streams.set(streamId, stream);
    for (const listener of this.listeners) listener();
    const last = stream[stream.length - 1];
    return { kind: 'success', current: last.revision, position: last.position };
  }

  stream(streamId: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Events of the global log, in commit order. */
  get events(): readonly LoggedEvent[] {
    return this.all;
  }

  /** Index in `events` of the first event at or after `position`. */
  indexAt(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** True when `position` is the start of a record, the start of the log or its end. */
  isBoundary(position: bigint): boolean {
    if (position === 0n || position === this.nextPosition) return true;
    return this.all[this.indexAt(position)]?.position === position;
  }

  /** Calls `listener` after every write; returns the function that stops it. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * EventStoreDB's commit check: 'stream-exists' acts as 'any' once the stream exists; 'any'
 * is idempotent when the batch's ids are already in the stream; an exact revision (no-stream
 * being -1) behind the stream is idempotent when the events after it carry the batch's ids.
 * A batch that only partly matches is refused as a wrong expected version.
 */
function decideWrite(
  stream: readonly LoggedEvent[],
  expected: ExpectedState,
  events: readonly ProposedEvent[],
  findInStream: (eventId: string) => LoggedEvent | undefined,
): 'write' | 'wrong-expected-version' | bigint {
  const currentRevision = BigInt(stream.length - 1);
  if (expected === 'stream-exists' && stream.length === 0) return 'wrong-expected-version';
  if (expected === 'any' || expected === 'stream-exists') return idempotentUnderAny(events, findInStream);
  const expectedRevision = expected === 'no-stream' ? -1n : expected;
  if (expectedRevision > currentRevision) return 'wrong-expected-version';
  if (expectedRevision === currentRevision) return 'write';
  const matches = events.every((event, offset) => stream[Number(expectedRevision) + 1 + offset]?.id === event.id);
  return matches && events.length > 0 ? expectedRevision + BigInt(events.length) : 'wrong-expected-version';
}

function idempotentUnderAny(
  events: readonly ProposedEvent[],
  findInStream: (eventId: string) => LoggedEvent | undefined,
): 'write' | 'wrong-expected-version' | bigint {
  const revisions = events.map((event) => findInStream(event.id)?.revision);
  if (revisions.length === 0 || revisions[0] === undefined) return 'write';
  const last = revisions[revisions.length - 1];
  return revisions.every((revision) => revision !== undefined) && last !== undefined ? last : 'wrong-expected-version';
}

function placeKey(streamId: string, eventId: string): string {
  return `${streamId}\u0000${eventId}`;
}

function recordSize(event: LoggedEvent): bigint {
  const text = Buffer.byteLength(event.streamId) + Buffer.byteLength(event.type) + Buffer.byteLength(event.contentType);
  return BigInt(RECORD_OVERHEAD + text + event.data.length + event.customMetadata.length);
}
