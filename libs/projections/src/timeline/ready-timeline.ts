import type { CaseEvent } from '@case-journey/domain';
import { caseTimeline, stintDurations, type CaseTimeline } from './case-timeline';

/**
 * A case's timeline made ready to send, as a reader keeps it for the case's records it was worked out
 * from: its JSON text, but for what depends on the instant it is read at. That is only how long the
 * last step has been held, when nothing has ended it yet (the last stint's durations, and the same
 * figures in "waiting on"); those places in the text hold the control characters U+0001–U+0003,
 * which JSON text never holds raw (JSON.stringify escapes them in strings), and `heldFromMs` says since when.
 */
export interface ReadyTimeline {
  /** The timeline's JSON text, with U+0001, U+0002 and U+0003 where the held step's ms, calendar and working days go. */
  text: string;
  /** Since when the last step has been held (epoch ms), when the text has places for how long; otherwise null. */
  heldFromMs: number | null;
  /** The case's area, which a read checks against the caller's. */
  area: string | null;
}

const HELD_MS = '\u0001';
const HELD_CALENDAR_DAYS = '\u0002';
const HELD_WORKING_DAYS = '\u0003';
const HELD_PLACES = /[\u0001-\u0003]/g;

/** What `JSON.stringify(caseTimeline(records, now))` gives at any `now`, worked out once; null for no records. */
export function readyTimelineOf(records: readonly CaseEvent[]): ReadyTimeline | null {
  // Any instant will do: the figures that depend on it are left out of the text.
  const timeline = caseTimeline(records, new Date(0));
  if (!timeline) return null;
  // The keys in the order caseTimeline gives them, so the text is JSON.stringify's.
  const { caseId, area, urn, entries, byAgency, stints, waitingOn, retracted } = timeline;
  const head = JSON.stringify({ caseId, area, urn, entries, byAgency }).slice(0, -1);
  const last = stints.at(-1);
  const held = last !== undefined && last.until === null ? last : undefined;
  const stintTexts = stints.map((stint) => (stint === held ? heldStintText(stint) : JSON.stringify(stint)));
  const text = `${head},"stints":[${stintTexts.join(',')}],"waitingOn":${waitingOn ? waitingOnText(waitingOn) : 'null'},"retracted":${JSON.stringify(retracted)}}`;
  return { text, heldFromMs: held ? Date.parse(held.from) : null, area };
}

/** The timeline's JSON text as of `now`: `JSON.stringify(caseTimeline(records, now))`. */
export function timelineTextAt(ready: ReadyTimeline, now: Date): string {
  return timelineAt(ready, now).text;
}

/** The same, with how long the last step has been held by `now` (ms), when it is held. */
export function timelineAt(ready: ReadyTimeline, now: Date): { text: string; heldMs: number | null } {
  if (ready.heldFromMs === null) return { text: ready.text, heldMs: null };
  const held = stintDurations(ready.heldFromMs, now.getTime());
  const text = ready.text.replace(HELD_PLACES, (place) => String(place === HELD_MS ? held.durationMs : place === HELD_CALENDAR_DAYS ? held.durationCalendarDays : held.durationWorkingDays));
  return { text, heldMs: held.durationMs };
}

function heldStintText({ agency, step, from, until, startedBy }: CaseTimeline['stints'][number]): string {
  const head = JSON.stringify({ agency, step, from, until }).slice(0, -1);
  return `${head},"durationMs":${HELD_MS},"durationCalendarDays":${HELD_CALENDAR_DAYS},"durationWorkingDays":${HELD_WORKING_DAYS},"startedBy":${JSON.stringify(startedBy)}}`;
}

function waitingOnText({ agency, step, since, after }: NonNullable<CaseTimeline['waitingOn']>): string {
  const head = JSON.stringify({ agency, step, since }).slice(0, -1);
  return `${head},"forMs":${HELD_MS},"forCalendarDays":${HELD_CALENDAR_DAYS},"forWorkingDays":${HELD_WORKING_DAYS},"after":${JSON.stringify(after)}}`;
}
