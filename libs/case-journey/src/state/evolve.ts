import { effectiveEvents } from '../corrections';
import type { CaseEvent } from '../events';
import { laterOf } from '../instants';
import { changesBy, isFact, type CaseFact } from './case-facts';
import { isRetracted } from './case-lookups';
import { progressOf } from './case-progress';
import { initialState, type CaseState } from './case-state';

/**
 * The case after one more event of its stream. An ordinary fact is applied to the state; a
 * correction or retraction refolds the case's facts as their latest word has them
 * (`effectiveEvents`), linear in the stream. To read a whole stream, `caseStateFrom` does that once.
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

/**
 * The state of a case from its whole stream, as `events.reduce(evolve, initialState())` gives it,
 * but reading the latest word of the stream once instead of refolding at every correction.
 * This is what the API should call on each read and write.
 */
export function caseStateFrom(events: readonly CaseEvent[]): CaseState {
  const retractedEventIds = events.flatMap((event) => (event.type === 'EventRetracted' ? [event.data.retractedEventId] : []));
  return { ...foldFacts(effectiveEvents(events).filter(isFact)), retractedEventIds, ledger: [...events], eventCount: events.length };
}

function foldFacts(facts: CaseFact[]): CaseState {
  return facts.reduce(advance, initialState());
}

function advance(state: CaseState, fact: CaseFact): CaseState {
  // One new object per fact: the fact's changes, then the progress derived from them (set on the
  // object before anything else can see it).
  const next: CaseState = { ...state, ...changesBy(state, fact), lastOccurredAt: laterOf(state.lastOccurredAt, fact.metadata.occurredAt) };
  return Object.assign(next, progressOf(next));
}
