import { caseStateFrom, effectiveEvents, type Agency, type CaseEvent, type CaseEventType } from '@case-journey/domain';
import { nextSteps } from './next-step';

export interface Amendment {
  eventId: string;
  reason: string;
  recordedAt: string;
}

export interface TimelineEntry {
  eventId: string;
  type: CaseEventType;
  agency: Agency;
  occurredAt: string;
  recordedAt: string;
  receivedAt: string | null;
  /** Business time since the entry before it, in ms; null for the first. */
  sincePreviousMs: number | null;
  /** Recorded after something that happened later had been recorded: placed by when it happened. */
  arrivedLate: boolean;
  /** The agency holding the next step once this happened; null when it closed the case; absent when it passed nothing on. */
  handsTo?: Agency | null;
  /** The event's data as corrected, without victims' sealed details. */
  data: object;
  /** Corrections applied to it, in the order they were recorded. */
  amendments: Amendment[];
}

/** A span of business time during which one agency held the next step. */
export interface AgencyStint {
  agency: Agency;
  from: string;
  /** When it passed the case on; null while it still holds it. */
  until: string | null;
  durationMs: number;
  startedBy: string;
}

export interface AgencyActivity {
  agency: Agency;
  events: number;
  first: string;
  last: string;
  eventIds: string[];
}

export interface WaitingOn {
  agency: Agency;
  since: string;
  forMs: number;
  /** The handoff that gave it the next step. */
  after: CaseEventType;
}

export interface RetractedEntry {
  eventId: string;
  type: CaseEventType;
  reason: string;
  retractedBy: string;
}

export interface CaseTimeline {
  caseId: string;
  area: string | null;
  urn: string | null;
  entries: TimelineEntry[];
  byAgency: AgencyActivity[];
  stints: AgencyStint[];
  waitingOn: WaitingOn | null;
  retracted: RetractedEntry[];
}

/**
 * One case's timeline as of `now`, from its records in stream order: every handoff as its latest
 * word has it (corrections applied, retractions left out) in business-time order, late arrivals
 * placed where they happened, who held the next step for how long, and who holds it now.
 */
export function caseTimeline(records: readonly CaseEvent[], now: Date): CaseTimeline | null {
  if (records.length === 0) return null;
  const arrival = arrivalOrder(records);
  const amendments = amendmentsOf(records);
  const effective = effectiveEvents(records)
    .map((event) => ({ event, at: Date.parse(event.metadata.occurredAt), order: arrival.get(event.metadata.eventId)!.order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);

  const steps = nextSteps(effective.map(({ event }) => event));
  const entries = effective.map(({ event, at }, i): TimelineEntry => {
    const handsTo = steps[i];
    return {
      eventId: event.metadata.eventId,
      type: event.type,
      agency: event.metadata.agency,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
      receivedAt: event.metadata.receivedAt ?? null,
      sincePreviousMs: i === 0 ? null : at - effective[i - 1].at,
      arrivedLate: arrival.get(event.metadata.eventId)!.late,
      ...(handsTo === undefined ? {} : { handsTo }),
      data: event.data,
      amendments: amendments.get(event.metadata.eventId) ?? [],
    };
  });
  const stints = stintsOf(entries, now);
  const closed = caseStateFrom(records).closure !== null;
  const open = stints.length > 0 && !closed ? stints[stints.length - 1] : undefined;
  const report = effective.find(({ event }) => event.type === 'CrimeReported')?.event;
  return {
    caseId: records[0].data.caseId,
    area: report?.type === 'CrimeReported' ? report.data.area : null,
    urn: report?.type === 'CrimeReported' ? (report.data.urn ?? null) : null,
    entries,
    byAgency: activityByAgency(entries),
    stints,
    waitingOn:
      open && open.until === null
        ? { agency: open.agency, since: open.from, forMs: open.durationMs, after: entries.find((entry) => entry.eventId === open.startedBy)!.type }
        : null,
    retracted: retractedOf(records),
  };
}

/** Each event's place in the stream, and whether something that happened after it had already been recorded. */
function arrivalOrder(records: readonly CaseEvent[]): Map<string, { order: number; late: boolean }> {
  const arrival = new Map<string, { order: number; late: boolean }>();
  let latestSoFar = -Infinity;
  records.forEach((event, order) => {
    const at = Date.parse(event.metadata.occurredAt);
    arrival.set(event.metadata.eventId, { order, late: at < latestSoFar });
    latestSoFar = Math.max(latestSoFar, at);
  });
  return arrival;
}

function withdrawnIds(records: readonly CaseEvent[]): Map<string, CaseEvent> {
  const withdrawn = new Map<string, CaseEvent>();
  for (const event of records) if (event.type === 'EventRetracted') withdrawn.set(event.data.retractedEventId, event);
  return withdrawn;
}

function amendmentsOf(records: readonly CaseEvent[]): Map<string, Amendment[]> {
  const withdrawn = withdrawnIds(records);
  const amendments = new Map<string, Amendment[]>();
  for (const event of records) {
    if (event.type !== 'EventCorrected' || withdrawn.has(event.metadata.eventId)) continue;
    const list = amendments.get(event.data.correctedEventId) ?? [];
    list.push({ eventId: event.metadata.eventId, reason: event.data.reason, recordedAt: event.metadata.recordedAt });
    amendments.set(event.data.correctedEventId, list);
  }
  return amendments;
}

function retractedOf(records: readonly CaseEvent[]): RetractedEntry[] {
  const withdrawn = withdrawnIds(records);
  return records.flatMap((event) => {
    const retraction = withdrawn.get(event.metadata.eventId);
    if (!retraction || retraction.type !== 'EventRetracted') return [];
    return [{ eventId: event.metadata.eventId, type: event.type, reason: retraction.data.reason, retractedBy: retraction.metadata.eventId }];
  });
}

function stintsOf(entries: readonly TimelineEntry[], now: Date): AgencyStint[] {
  const stints: AgencyStint[] = [];
  let holding: AgencyStint | undefined;
  const close = (until: string) => {
    if (!holding) return;
    holding.until = until;
    holding.durationMs = Date.parse(until) - Date.parse(holding.from);
    holding = undefined;
  };
  for (const entry of entries) {
    if (entry.handsTo === undefined || entry.handsTo === holding?.agency) continue;
    close(entry.occurredAt);
    if (entry.handsTo === null) continue;
    holding = { agency: entry.handsTo, from: entry.occurredAt, until: null, durationMs: 0, startedBy: entry.eventId };
    stints.push(holding);
  }
  if (holding) holding.durationMs = Math.max(0, now.getTime() - Date.parse(holding.from));
  return stints;
}

function activityByAgency(entries: readonly TimelineEntry[]): AgencyActivity[] {
  const byAgency = new Map<Agency, AgencyActivity>();
  for (const entry of entries) {
    const activity = byAgency.get(entry.agency);
    if (activity) {
      activity.events += 1;
      activity.last = entry.occurredAt;
      activity.eventIds.push(entry.eventId);
    } else {
      byAgency.set(entry.agency, { agency: entry.agency, events: 1, first: entry.occurredAt, last: entry.occurredAt, eventIds: [entry.eventId] });
    }
  }
  return [...byAgency.values()];
}
