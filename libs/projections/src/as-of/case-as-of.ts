import type { CaseEvent } from '@case-journey/domain';
import type { WorkingDayCalendar } from '@case-journey/victims-code';
import { caseObligationsOf } from '../obligations/case-obligations';
import type { VictimJourneyView } from '../obligations/obligations.reader';
import { caseTimeline, type CaseTimeline } from '../timeline/case-timeline';
import { forgetVictim, timelineRecordOf } from '../timeline/timeline-record';

/**
 * A case as the product knew it at a past instant, from its events rather than from the read
 * models: the events recorded by then, and obligations judged then. What has been erased since stays
 * erased: a reading of the past never brings back a victim's details.
 */

/** The events of a stream recorded at or before `asOf`. */
export const recordedBy = <E extends CaseEvent>(events: readonly E[], asOf: Date): E[] => events.filter((event) => Date.parse(event.metadata.recordedAt) <= asOf.getTime());

/** The victims erased from the case at any time, even after `asOf`. */
export const erasedVictimsOf = (events: readonly CaseEvent[]): string[] => events.flatMap((event) => (event.type === 'VictimDataErased' ? [event.data.victimId] : []));

/** The timeline as of `asOf`: its records as the projection keeps them, the erased victims forgotten. */
export function timelineAsOf(events: readonly CaseEvent[], asOf: Date): CaseTimeline | null {
  const records = erasedVictimsOf(events).reduce((kept, victimId) => forgetVictim(kept, victimId), recordedBy(events, asOf).map(timelineRecordOf));
  return caseTimeline(records, asOf);
}

/** A victim's journey as of `asOf`: 'erased' when their data has been erased since (or before), null when not registered by then. */
export function victimJourneyAsOf(caseId: string, victimId: string, events: readonly CaseEvent[], asOf: Date, calendar: WorkingDayCalendar): VictimJourneyView | 'erased' | null {
  if (erasedVictimsOf(events).includes(victimId)) return 'erased';
  const reading = caseObligationsOf(caseId, events, asOf, calendar);
  const victim = reading.victims.find((candidate) => candidate.victimId === victimId);
  if (!victim) return null;
  return { caseId, area: reading.area, asOf: reading.asOf, ...victim, obligations: reading.obligations.filter((obligation) => obligation.victimId === victimId) };
}
