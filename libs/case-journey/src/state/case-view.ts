import type { CaseState } from './case-state';

/** The case as a caseworker sees it: the state without its ledger, with the ids of every event recorded. */
export type CaseView = Omit<CaseState, 'ledger'> & { eventIds: string[] };

export function caseView({ ledger, ...state }: CaseState): CaseView {
  return { ...state, eventIds: ledger.map((event) => event.metadata.eventId) };
}
