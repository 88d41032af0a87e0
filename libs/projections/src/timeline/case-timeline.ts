import { caseStateFrom, effectiveEvents, type Agency, type CaseEvent, type CaseEventType } from '@case-journey/domain';
import { londonDaysBetweenMs, WorkingDayCalendar } from '@case-journey/victims-code';
import { nextSteps, type NextStep } from './next-step';

/** Working days for durations; a deployment's closure days do not change how long a handoff took. */
const CALENDAR = new WorkingDayCalendar();

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
  /** The same in London calendar days (0 on the same day) and in working days; null for the first. */
  sincePreviousCalendarDays: number | null;
  sincePreviousWorkingDays: number | null;
  /** Recorded after something that happened later had been recorded: placed by when it happened. */
  arrivedLate: boolean;
  /** The agency holding the next step once this happened (the one already holding it when it passed nothing on); null when the case is closed. */
  handsTo: Agency | null;
  /** Whether it began a new step (a handoff, or the same agency's next step), rather than leaving the case where it was. */
  passesOn: boolean;
  /** The event's data as corrected, without victims' sealed details. */
  data: object;
  /** Corrections applied to it, in the order they were recorded. */
  amendments: Amendment[];
}

/** A span of business time during which one agency held the next step. */
export interface AgencyStint {
  agency: Agency;
  /** The step it held: investigation, file review, charging decision, listing, hearing… */
  step: string;
  from: string;
  /** When it passed the case on; null while it still holds it. */
  until: string | null;
  durationMs: number;
  durationCalendarDays: number;
  durationWorkingDays: number;
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
  /** For what: the step it holds. */
  step: string;
  since: string;
  forMs: number;
  forCalendarDays: number;
  forWorkingDays: number;
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
  const effective = inBusinessOrder(effectiveEvents(records), arrival);

  const steps = nextSteps(effective.map(({ event }) => event));
  const holders = holdersAfter(steps);
  const entries = effective.map(({ event, at }, i): TimelineEntry => {
    const before = i === 0 ? null : effective[i - 1].at;
    return {
      eventId: event.metadata.eventId,
      type: event.type,
      agency: event.metadata.agency,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
      receivedAt: event.metadata.receivedAt ?? null,
      sincePreviousMs: before === null ? null : at - before,
      sincePreviousCalendarDays: before === null ? null : londonDaysBetweenMs(before, at),
      sincePreviousWorkingDays: before === null ? null : CALENDAR.workingDaysBetweenMs(before, at),
      arrivedLate: arrival.get(event.metadata.eventId)!.late,
      handsTo: holders[i]?.agency ?? null,
      passesOn: steps[i] !== undefined,
      data: event.data,
      amendments: amendments.get(event.metadata.eventId) ?? [],
    };
  });
  const stints = stintsOf(entries, steps, now);
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
        ? {
            agency: open.agency,
            step: open.step,
            since: open.from,
            forMs: open.durationMs,
            forCalendarDays: open.durationCalendarDays,
            forWorkingDays: open.durationWorkingDays,
            after: entries.find((entry) => entry.eventId === open.startedBy)!.type,
          }
        : null,
    retracted: retractedOf(records),
  };
}

/**
 * Who holds the case's next step, and since when, as `caseTimeline(records, now).waitingOn` says,
 * without building the timeline's entries, durations and stints: what the case finder keeps. A
 * caller that has them already passes the case's effective events and whether it is closed.
 */
export function caseWaitingOnSince(
  records: readonly CaseEvent[],
  known: { effective?: readonly CaseEvent[]; closed?: boolean } = {},
): { agency: Agency; since: string } | null {
  if (records.length === 0) return null;
  const ordered = inBusinessOrder(known.effective ?? effectiveEvents(records), arrivalOrder(records));
  const steps = nextSteps(ordered.map(({ event }) => event));
  // As `stintsOf` walks them: a step held goes on while the same agency holds the same step, ends at a null step.
  let holding: { agency: Agency; step: string; since: string } | undefined;
  ordered.forEach(({ event }, i) => {
    const step = steps[i];
    if (step === undefined || (holding && step && step.agency === holding.agency && step.step === holding.step)) return;
    holding = step === null ? undefined : { agency: step.agency, step: step.step, since: event.metadata.occurredAt };
  });
  const closed = known.closed ?? caseStateFrom(records).closure !== null;
  return holding && !closed ? { agency: holding.agency, since: holding.since } : null;
}

/** The effective events in business-time order, ties in the order they arrived. */
function inBusinessOrder(effective: readonly CaseEvent[], arrival: ReadonlyMap<string, { order: number }>): Array<{ event: CaseEvent; at: number; order: number }> {
  return effective
    .map((event) => ({ event, at: Date.parse(event.metadata.occurredAt), order: arrival.get(event.metadata.eventId)!.order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
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

/** Who holds the next step after each entry: its own step, or the one held before it when it passed nothing on. */
function holdersAfter(steps: ReadonlyArray<NextStep | null | undefined>): Array<NextStep | null> {
  let holder: NextStep | null = null;
  return steps.map((step) => (holder = step === undefined ? holder : step));
}

function stintsOf(entries: readonly TimelineEntry[], steps: ReadonlyArray<NextStep | null | undefined>, now: Date): AgencyStint[] {
  const stints: AgencyStint[] = [];
  let holding: AgencyStint | undefined;
  const measure = (stint: AgencyStint, untilMs: number) => Object.assign(stint, stintDurations(Date.parse(stint.from), untilMs));
  entries.forEach((entry, i) => {
    const step = steps[i];
    if (step === undefined || (holding && step && step.agency === holding.agency && step.step === holding.step)) return;
    if (holding) {
      holding.until = entry.occurredAt;
      measure(holding, Date.parse(entry.occurredAt));
      holding = undefined;
    }
    if (step === null) return;
    holding = { agency: step.agency, step: step.step, from: entry.occurredAt, until: null, durationMs: 0, durationCalendarDays: 0, durationWorkingDays: 0, startedBy: entry.eventId };
    stints.push(holding);
  });
  if (holding) measure(holding, now.getTime());
  return stints;
}

/** How long a step was held from `fromMs` to `untilMs`, as a stint (and "waiting on") gives it. */
export function stintDurations(fromMs: number, untilMs: number): Pick<AgencyStint, 'durationMs' | 'durationCalendarDays' | 'durationWorkingDays'> {
  return {
    durationMs: Math.max(0, untilMs - fromMs),
    durationCalendarDays: Math.max(0, londonDaysBetweenMs(fromMs, untilMs)),
    durationWorkingDays: untilMs > fromMs ? CALENDAR.workingDaysBetweenMs(fromMs, untilMs) : 0,
  };
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
