import type { CaseEvent } from '@case-journey/domain';

/**
 * The events of the cases a projection touched lately, each case's from its first revision on:
 * a batch that touches a case again needs only the events after those kept, instead of reading
 * the case's whole stream once more (quadratic over a case's life). A stream's events never
 * change once stored, so what is kept is right whatever became of the batch that read it.
 * The least recently touched cases are forgotten past `maxEvents` events in all.
 */
export class CaseHistories {
  private readonly cases = new Map<string, CaseEvent[]>();
  private held = 0;

  constructor(readonly maxEvents = 200_000) {}

  /** The case's events from revision 0, as many as are kept (the caller reads the rest). */
  kept(caseId: string): readonly CaseEvent[] {
    return this.cases.get(caseId) ?? [];
  }

  /**
   * Keeps the case's events from revision 0 on, as the most recently touched case. Projections may
   * share one CaseHistories: one behind another keeps no fewer events of a case than were kept.
   */
  keep(caseId: string, events: CaseEvent[]): void {
    const known = this.cases.get(caseId);
    if (known && known.length > events.length) events = known;
    this.forget(caseId);
    if (events.length > this.maxEvents) return;
    this.cases.set(caseId, events);
    this.held += events.length;
    for (const [oldest, kept] of this.cases) {
      if (this.held <= this.maxEvents) break;
      this.cases.delete(oldest);
      this.held -= kept.length;
    }
  }

  forget(caseId: string): void {
    const known = this.cases.get(caseId);
    if (!known) return;
    this.cases.delete(caseId);
    this.held -= known.length;
  }

  get size(): { cases: number; events: number } {
    return { cases: this.cases.size, events: this.held };
  }
}
