import { caseStreamId, type CaseEvent } from '@case-journey/domain';
import type { EventStore, EventToAppend } from '@case-journey/event-store';
import type { GeneratedCase } from '@case-journey/synthetic';

export interface LoadTally {
  cases: number;
  /** Events stored (each once). */
  events: number;
  /** Deliveries the store recognised as ones it already held. */
  redeliveries: number;
}

const toAppend = (event: CaseEvent): EventToAppend => ({
  id: event.metadata.eventId,
  type: event.type,
  data: event.data,
  metadata: { ...event.metadata },
});

/**
 * Appends each case to its stream as one batch of first deliveries; each re-delivery is then
 * appended on its own, as a feed would send it, and the store's idempotence absorbs it.
 */
export async function loadIntoStore(store: EventStore, cases: Iterable<GeneratedCase>): Promise<LoadTally> {
  const tally: LoadTally = { cases: 0, events: 0, redeliveries: 0 };
  for (const generated of cases) {
    if (generated.events.length === 0) continue;
    const seen = new Set<string>();
    const first: CaseEvent[] = [];
    const again: CaseEvent[] = [];
    for (const event of generated.events) {
      if (seen.has(event.metadata.eventId)) again.push(event);
      else {
        seen.add(event.metadata.eventId);
        first.push(event);
      }
    }
    const stream = caseStreamId(generated.caseId);
    await store.append(stream, first.map(toAppend), { expectedRevision: 'no-stream' });
    for (const event of again) await store.append(stream, [toAppend(event)]);
    tally.cases += 1;
    tally.events += first.length;
    tally.redeliveries += again.length;
  }
  return tally;
}
