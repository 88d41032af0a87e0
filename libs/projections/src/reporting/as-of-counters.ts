import { upcast, type CaseEvent } from '@case-journey/domain';
import type { EventStore } from '@case-journey/event-store';
import { addCells, caseFactsOf, factCells, parseCounterSuffix, splitFactCell } from '@case-journey/reporting';
import type { WorkingDayCalendar } from '@case-journey/victims-code';
import { caseIdOfStream } from '../runner/case-streams';

export interface AsOfProgress {
  phase: 'reading' | 'counting';
  eventsRead: number;
  casesCounted: number;
  cases: number;
}

export interface AsOfOptions {
  store: EventStore;
  calendar: WorkingDayCalendar;
  /** Only these London months' counts are kept (null: all). */
  months: ReadonlySet<string> | null;
  /** Called every page of events read and every 2,000 cases counted. */
  onProgress?: (progress: AsOfProgress) => unknown;
  pageSize?: number;
}

/**
 * The measures' counters as known at `asOf`, straight from the event store: the whole log read in
 * pages, each case's events recorded by then kept, then each case judged at `asOf` and counted as
 * the reporting projection counts it. Counter suffix → field → count.
 */
export async function asOfCounters(asOf: Date, { store, calendar, months, onProgress, pageSize = 5000 }: AsOfOptions): Promise<Map<string, Map<string, number>>> {
  const asOfMs = asOf.getTime();
  const cases = new Map<string, CaseEvent[]>();
  let after: bigint | undefined;
  let eventsRead = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const recorded of page) {
      const caseId = caseIdOfStream(recorded.streamId);
      if (caseId === undefined) continue;
      const event = upcast(recorded);
      if (Date.parse(event.metadata.recordedAt) > asOfMs) continue;
      const events = cases.get(caseId);
      if (events) events.push(event);
      else cases.set(caseId, [event]);
    }
    eventsRead += page.length;
    after = page[page.length - 1].position;
    await onProgress?.({ phase: 'reading', eventsRead, casesCounted: 0, cases: cases.size });
    if (page.length < pageSize) break;
  }
  const counters = new Map<string, Map<string, number>>();
  let counted = 0;
  for (const [caseId, events] of cases) {
    const cells = factCells(caseFactsOf(caseId, events, asOf, calendar));
    if (months) for (const cell of cells.keys()) if (!months.has(parseCounterSuffix(splitFactCell(cell).suffix).month)) cells.delete(cell);
    addCells(counters, cells);
    cases.delete(caseId);
    if (++counted % 2000 === 0) await onProgress?.({ phase: 'counting', eventsRead, casesCounted: counted, cases: counted + cases.size });
  }
  await onProgress?.({ phase: 'counting', eventsRead, casesCounted: counted, cases: counted });
  return counters;
}
