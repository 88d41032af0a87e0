import type { CaseFinderQuery } from '@case-journey/projections';

/** The finder's criteria; the handler judges them at the clock's now. */
export class FindCasesQuery {
  constructor(readonly criteria: Omit<CaseFinderQuery, 'now'>) {}
}
