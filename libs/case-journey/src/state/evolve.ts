import { effectiveEvents } from '../corrections';
import type { CaseEvent } from '../events';
import { laterOf } from '../instants';
import { changesBy, isFact, type CaseFact } from './case-facts';
import { isRetracted } from './case-lookups';
import { progressOf } from './case-progress';
import { extendLedgerIndex } from './ledger-index';
import { initialState, type CaseState } from './case-state';

/**
 * The case after one more event of its stream. An ordinary fact is applied to the state; a
 * correction or retraction refolds the case's facts as their latest word has them
 * (`effectiveEvents`), linear in the stream. To read a whole stream, `caseStateFrom` does that once.
 */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const ledger = [...state.ledger, event];
  extendLedgerIndex(state.ledger, ledger, [event]);
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

/**
 * The state after more events of the case's stream: what `caseStateFrom([...state.ledger, ...events])`
 * gives, but folding only the new events when they are all ordinary facts (as `evolve` would, with
 * the ledger copied once rather than once per event). A correction or retraction among them refolds
 * the case once. What a reader that keeps a case's state between batches of its stream calls.
 */
export function caseStateAfter(state: CaseState, events: readonly CaseEvent[]): CaseState {
  if (events.length === 0) return state;
  const ledger = [...state.ledger, ...events];
  extendLedgerIndex(state.ledger, ledger, events);
  if (!events.every(isFact)) return caseStateFrom(ledger);
  const folded = { ...state };
  // A fact retracted before it arrived (only around `decide`) is left out, as the refold would.
  for (const fact of events as readonly CaseFact[]) if (!isRetracted(state, fact.metadata.eventId)) advanceOwn(folded, fact);
  return Object.assign(folded, { ledger, eventCount: ledger.length });
}

/**
 * The case's stage and closure after each of `facts` in turn, in one fold: what
 * `caseStateFrom(facts.slice(0, i + 1))` says of them for every i. `facts` are events as their
 * latest word has them (`effectiveEvents`, in whatever order the caller reads the case in), so
 * no correction or retraction is among them.
 */
export function progressAlong(facts: readonly CaseEvent[]): Array<Pick<CaseState, 'stage' | 'closure'>> {
  const state = initialState();
  return facts.map((fact) => {
    if (!isFact(fact)) throw new RangeError(`progressAlong reads facts as corrected, not a ${fact.type}`);
    advanceOwn(state, fact);
    return { stage: state.stage, closure: state.closure };
  });
}

function foldFacts(facts: CaseFact[]): CaseState {
  const state = initialState();
  for (const fact of facts) advanceOwn(state, fact);
  return state;
}

function advance(state: CaseState, fact: CaseFact): CaseState {
  // One new object per fact: the fact's changes, then the progress derived from them (set on the
  // object before anything else can see it).
  const next: CaseState = { ...state, ...changesBy(state, fact), lastOccurredAt: laterOf(state.lastOccurredAt, fact.metadata.occurredAt) };
  return Object.assign(next, progressOf(next));
}

/**
 * `advance` on a state that only the fold calling it holds (made for it, never handed out before
 * the fold ends): its fields are replaced in place rather than all 26 copied into a new object for
 * every fact. The values put in are the same new ones `advance` puts in its copy.
 */
function advanceOwn(state: CaseState, fact: CaseFact): void {
  const lastOccurredAt = laterOf(state.lastOccurredAt, fact.metadata.occurredAt);
  Object.assign(state, changesBy(state, fact));
  state.lastOccurredAt = lastOccurredAt;
  Object.assign(state, progressOf(state));
}
