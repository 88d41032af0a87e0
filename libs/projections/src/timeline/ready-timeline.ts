import type { CaseEvent } from '@case-journey/domain';
import { caseTimeline, stintDurations, type CaseTimeline } from './case-timeline';

/**
 * A case's timeline made ready to send, as a reader keeps it for the case's records it was worked out
 * from: its JSON text, but for what depends on the instant it is read at. That is only how long the
 * last step has been held, when nothing has ended it yet (the last stint's durations, and the same
 * figures in "waiting on"); the text is cut at those places, and `heldFromMs` says since when.
 */
export interface ReadyTimeline {
  /**
   * The timeline's JSON text in pieces: text, then the held step's ms, calendar days and working days
   * each followed by the text after it (one piece alone when nothing is held). The places are found
   * by the control characters U+0001–U+0003 written there, which JSON text never holds raw
   * (JSON.stringify escapes them in strings).
   */
  pieces: readonly string[];
  /** Since when the last step has been held (epoch ms), when there are places for how long; otherwise null. */
  heldFromMs: number | null;
  /** The case's area, which a read checks against the caller's. */
  area: string | null;
}

const HELD_MS = '\u0001';
const HELD_CALENDAR_DAYS = '\u0002';
const HELD_WORKING_DAYS = '\u0003';
/** Cuts the text at each place, keeping which place it was between the pieces. */
const HELD_PLACES = /([\u0001-\u0003])/;

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
  return { pieces: held ? text.split(HELD_PLACES) : [text], heldFromMs: held ? Date.parse(held.from) : null, area };
}

/**
 * The timeline's JSON text as of `now` (`JSON.stringify(caseTimeline(records, now))`), with how long
 * the last step has been held by `now` (ms), when it is held.
 */
export function timelineAt({ pieces, heldFromMs }: ReadyTimeline, now: Date): { text: string; heldMs: number | null } {
  if (heldFromMs === null) return { text: pieces[0], heldMs: null };
  const held = stintDurations(heldFromMs, now.getTime());
  let text = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const place = pieces[i];
    text += String(place === HELD_MS ? held.durationMs : place === HELD_CALENDAR_DAYS ? held.durationCalendarDays : held.durationWorkingDays) + pieces[i + 1];
  }
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
