import type { CaseEvent } from './events';

/**
 * The case as its latest word has it: each correction merged into the event it corrects and each
 * retracted event (or retracted correction) left out. The correction and retraction events
 * themselves are not returned; the originals keep their ids, so anything that cites them still can.
 */
export function effectiveEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const retracted = new Set<string>();
  for (const event of events) if (event.type === 'EventRetracted') retracted.add(event.data.retractedEventId);

  const corrected = new Map<string, CaseEvent>();
  const result: CaseEvent[] = [];
  for (const event of events) {
    if (event.type === 'EventRetracted' || retracted.has(event.metadata.eventId)) continue;
    if (event.type === 'EventCorrected') {
      const target = corrected.get(event.data.correctedEventId);
      if (target) corrected.set(target.metadata.eventId, applyCorrection(target, event));
      continue;
    }
    corrected.set(event.metadata.eventId, event);
    result.push(event);
  }
  return result.map((event) => corrected.get(event.metadata.eventId) ?? event);
}

function applyCorrection(target: CaseEvent, correction: Extract<CaseEvent, { type: 'EventCorrected' }>): CaseEvent {
  const { data, occurredAt, receivedAt } = correction.data;
  return {
    ...target,
    data: data ? { ...target.data, ...data } : target.data,
    metadata: {
      ...target.metadata,
      ...(occurredAt ? { occurredAt } : {}),
      ...(receivedAt ? { receivedAt } : {}),
    },
  } as CaseEvent;
}
