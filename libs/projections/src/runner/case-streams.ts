import { caseStreamId, upcast, type CaseEvent } from '@case-journey/domain';
import type { EventStore, RecordedEvent } from '@case-journey/event-store';
import type { CaseHistories } from './case-histories';

const CASE_STREAM_PREFIX = caseStreamId('');

/** The case id of a case stream (`case-<id>`), or undefined for any other stream. */
export function caseIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : undefined;
}

/** The batch's case events by case, with the stream revision each case's part of the batch starts at. */
export function casesIn(batch: readonly RecordedEvent[]): Map<string, { firstRevision: bigint; events: CaseEvent[] }> {
  const cases = new Map<string, { firstRevision: bigint; events: CaseEvent[] }>();
  for (const event of batch) {
    const caseId = caseIdOfStream(event.streamId);
    if (caseId === undefined) continue;
    const known = cases.get(caseId);
    if (known) known.events.push(upcast(event));
    else cases.set(caseId, { firstRevision: event.revision, events: [upcast(event)] });
  }
  return cases;
}

/**
 * A case's events before `revision` (those a batch starting there builds on): from `histories`
 * as far as it keeps them, and only the rest from the store.
 */
export async function caseEventsBefore(store: EventStore, caseId: string, revision: bigint, histories?: CaseHistories): Promise<CaseEvent[]> {
  if (revision === 0n) return [];
  const wanted = Number(revision);
  const kept = histories?.kept(caseId) ?? [];
  if (kept.length >= wanted) return kept.slice(0, wanted);
  const recorded = await store.readStream(caseStreamId(caseId), { fromRevision: BigInt(kept.length), maxCount: wanted - kept.length });
  return [...kept, ...recorded.map((event) => upcast(event))];
}
