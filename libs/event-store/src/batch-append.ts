import type { StreamAppend } from './event-store.port';

/** What every adapter refuses before writing anything of a batch: an empty write, or a stream named twice (its order would be ambiguous). */
export function checkBatch(writes: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  for (const { streamId, events } of writes) {
    if (events.length === 0) throw new RangeError(`Nothing to append to stream ${streamId}`);
    if (seen.has(streamId)) throw new RangeError(`Stream ${streamId} is named twice in one batch: send its events as one write`);
    seen.add(streamId);
  }
}
