import { RecentlyUsed, type CaseState } from '@case-journey/domain';

interface Folded {
  state: CaseState;
  /** The latest recordedAt (epoch ms) among the events folded. */
  recordedThrough: number;
}

/**
 * The state of each case the Victims' Code projection judged lately, folded from every one of its
 * events up to a revision: a batch that touches the case again folds only the case's new events on
 * (`caseStateAfter`) instead of its whole history, which a long case's live events made quadratic.
 * A stream's events never change once stored, so a kept state is right whatever became of the batch
 * that folded it; it is used only while every event it folds was recorded by the instant the case
 * is judged at (the reading leaves out what was recorded later). The least recently judged cases
 * are forgotten past `maxEvents` events in all.
 */
export class FoldedCases {
  private readonly cases: RecentlyUsed<Folded>;

  constructor(readonly maxEvents = 200_000) {
    this.cases = new RecentlyUsed(maxEvents, (folded) => folded.state.eventCount);
  }

  /** The case's state folded from exactly its first `events` events, if kept and all of them were recorded by `asOf` (epoch ms); asking touches nothing. */
  foldedThrough(caseId: string, events: number, asOf: number): Folded | undefined {
    const folded = this.cases.peek(caseId);
    return folded && folded.state.eventCount === events && folded.recordedThrough <= asOf ? folded : undefined;
  }

  /** Keeps the case's state, folded from its events from revision 0 on, as the most recently judged case. */
  keep(caseId: string, state: CaseState, recordedThrough: number): void {
    this.cases.keep(caseId, { state, recordedThrough });
  }

  forget(caseId: string): void {
    this.cases.forget(caseId);
  }

  get size(): { cases: number; events: number } {
    const { values, held } = this.cases.size;
    return { cases: values, events: held };
  }
}
