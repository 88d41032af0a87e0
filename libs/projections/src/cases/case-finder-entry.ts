import type { Agency, CaseEvent, CaseStage, CaseState, OffenceCategory } from '@case-journey/domain';
import { endOfLondonDayOf, type Obligation } from '@case-journey/victims-code';

/** What the finder shows of a case, kept and answered alike. */
export interface CaseFinderSummary {
  caseId: string;
  urn: string | null;
  area: string | null;
  offenceCategory: OffenceCategory | null;
  stage: CaseStage;
  closed: boolean;
  /** When the crime was reported (occurredAt of the report). */
  openedAt: string | null;
  waitingOn: { agency: Agency; since: string } | null;
  victims: number;
  /** Whether any victim has enhanced rights. */
  enhanced: boolean;
}

/**
 * One case as the case finder keeps it: what a search filters on and what its answer shows. The
 * obligations are kept as the due instants of the deadlines not met, so that how many are open,
 * breached or due today is worked out at the instant of the query, exactly, without judging the
 * case again.
 */
export interface CaseFinderEntry extends CaseFinderSummary {
  /** The agencies' own references of the case's records. */
  sourceReferences: string[];
  /** Due instants (ms) of the deadlines not met, ascending: before now breached, from now on open. */
  unmetDueAt: number[];
}

/** What the finder answers for a case at the instant of the query. */
export interface CaseFinderRow extends CaseFinderSummary {
  obligations: { open: number; breached: number; dueToday: number };
}

const UNMET = new Set(['pending', 'due-soon', 'breached']);

export interface FinderFacts {
  caseId: string;
  state: CaseState;
  events: readonly CaseEvent[];
  obligations: readonly Obligation[];
  enhanced: boolean;
  waitingOn: { agency: Agency; since: string } | null;
}

export function caseFinderEntryOf({ caseId, state, events, obligations, enhanced, waitingOn }: FinderFacts): CaseFinderEntry {
  const references = new Set<string>();
  for (const event of events) if (event.metadata.sourceReference) references.add(event.metadata.sourceReference);
  return {
    caseId,
    urn: state.urn,
    area: state.area === null ? null : state.area.trim(),
    offenceCategory: state.offence?.category ?? null,
    stage: state.stage,
    closed: state.closure !== null,
    openedAt: state.reportedAt,
    waitingOn,
    victims: state.victims.length,
    enhanced,
    sourceReferences: [...references].sort(),
    unmetDueAt: obligations
      .filter((obligation) => obligation.dueAt !== null && UNMET.has(obligation.status))
      .map((obligation) => Date.parse(obligation.dueAt!))
      .sort((a, b) => a - b),
  };
}

/** The entry as answered at `now`: its unmet deadlines split into open, breached and due by the end of London's today. */
export function caseFinderRowAt(entry: CaseFinderEntry, now: Date): CaseFinderRow {
  const at = now.getTime();
  const endOfToday = endOfLondonDayOf(at);
  let breached = 0;
  let dueToday = 0;
  for (const dueAt of entry.unmetDueAt) {
    if (dueAt < at) breached += 1;
    else if (dueAt <= endOfToday) dueToday += 1;
  }
  const { sourceReferences, unmetDueAt, ...summary } = entry;
  return { ...summary, obligations: { open: unmetDueAt.length - breached, breached, dueToday } };
}

/** How an area, a URN or another name is matched: case-insensitive, blanks trimmed. */
export const matchingName = (name: string): string => name.trim().toLowerCase();
