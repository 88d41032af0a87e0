import { RecentlyUsed, type CaseEvent } from '@case-journey/domain';

/**
 * The events of the cases a projection touched lately, each case's from its first revision on:
 * a batch that touches a case again needs only the events after those kept, instead of reading
 * the case's whole stream once more (quadratic over a case's life). A stream's events never
 * change once stored, so what is kept is right whatever became of the batch that read it.
 * The least recently touched cases are forgotten past `maxEvents` events in all.
 */
export class CaseHistories {
  private readonly cases: RecentlyUsed<CaseEvent[]>;

  constructor(readonly maxEvents = 200_000) {
    this.cases = new RecentlyUsed(maxEvents, (events) => events.length);
  }

  /** The case's events from revision 0, as many as are kept (the caller reads the rest); reading them touches nothing. */
  kept(caseId: string): readonly CaseEvent[] {
    return this.cases.peek(caseId) ?? [];
  }

  /**
   * Keeps the case's events from revision 0 on, as the most recently touched case. Projections may
   * share one CaseHistories: one behind another keeps no fewer events of a case than were kept.
   */
  keep(caseId: string, events: CaseEvent[]): void {
    const known = this.cases.peek(caseId);
    this.cases.keep(caseId, known && known.length > events.length ? known : events);
  }

  forget(caseId: string): void {
    this.cases.forget(caseId);
  }

  get size(): { cases: number; events: number } {
    const { values, held } = this.cases.size;
    return { cases: values, events: held };
  }
}
