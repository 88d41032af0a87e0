import { effectiveEvents } from '../corrections';
import type { CaseEvent } from '../events';
import { applyFact, isFact, type CaseFact } from './case-facts';
import { isRetracted } from './case-lookups';
import { progressOf } from './case-progress';
import { initialState, type CaseState } from './case-state';

/**
 * The case after one more event of its stream. An ordinary fact is applied in place; a correction
 * or retraction refolds the case's facts as their latest word has them (`effectiveEvents`), which
 * is rare enough that its cost, linear in the stream, does not matter.
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const ledger = [...state.ledger, event];
  const eventCount = state.eventCount + 1;
  if (!isFact(event)) {
    const retractedEventIds =
      event.type === 'EventRetracted' ? [...state.retractedEventIds, event.data.retractedEventId] : state.retractedEventIds;
    return { ...foldFacts(effectiveEvents(ledger).filter(isFact)), retractedEventIds, ledger, eventCount };
  }
  // Only an event appended around `decide` can arrive already retracted; the refold would leave it out too.
  if (isRetracted(state, event.metadata.eventId)) return { ...state, ledger, eventCount };
  return { ...advance(state, event), ledger, eventCount };
}

/** The state of a case from its whole stream: what the API does on each read and write. */
export const caseStateFrom = (events: readonly CaseEvent[]): CaseState => events.reduce(evolve, initialState());

function foldFacts(facts: CaseFact[]): CaseState {
  return facts.reduce(advance, initialState());
}

function advance(state: CaseState, fact: CaseFact): CaseState {
  const next = applyFact(state, fact);
  return { ...next, ...progressOf(next), lastOccurredAt: latest(state.lastOccurredAt, fact.metadata.occurredAt) };
}

const latest = (current: string | null, candidate: string): string =>
  current !== null && Date.parse(current) >= Date.parse(candidate) ? current : candidate;
