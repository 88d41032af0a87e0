/**
 * Agencies' extracts give times on London's wall clock. Read through Intl's Europe/London zone
 * (Node's own ICU time-zone data), so British Summer Time and the days the clocks change are right
 * without a table of our own.
 */

const HOUR_MS = 3_600_000;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** London's wall-clock reading at an instant, as the UTC milliseconds of the same fields. */
function wallClockAt(instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of LONDON.formatToParts(instantMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const TIME = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?$|^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/;

type Reading = string | { problem: string };

function fieldsOf(match: RegExpExecArray, british: boolean, offset: number): number[] {
  const at = (index: number) => Number(match[offset + index] ?? 0);
  return british ? [at(3), at(2), at(1), at(4), at(5), at(6)] : [at(1), at(2), at(3), at(4), at(5), at(6)];
}

function isRealTime([year, month, day, hour, minute, second]: number[]): boolean {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && back.getUTCHours() === hour && back.getUTCMinutes() === minute && hour < 24;
}

/**
 * The UTC instant (ISO) of a London wall-clock time. In the hour the clocks go back, which happens
 * twice, the first (British Summer Time) is taken; a time in the hour the clocks go forward, which
 * never happens, is refused.
 */
export function londonInstant(text: string): Reading {
  const match = TIME.exec(text);
  if (!match) return { problem: `${JSON.stringify(text)} is not a London time (dd/mm/yyyy hh:mm[:ss] or yyyy-mm-dd hh:mm[:ss])` };
  const british = match[1] !== undefined;
  const fields = fieldsOf(match, british, british ? 0 : 6);
  if (!isRealTime(fields)) return { problem: `${JSON.stringify(text)} is not a real date and time` };
  const [year, month, day, hour, minute, second] = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // London is UTC+1 in summer and UTC+0 in winter: the instant is one of these two, whichever reads back as the wall clock.
  const instant = [wall - HOUR_MS, wall].find((candidate) => wallClockAt(candidate) === wall);
  if (instant === undefined) return { problem: `${text} never happened in London: the clocks went forward an hour` };
  return new Date(instant).toISOString();
}

/** A calendar date (`dd/mm/yyyy` or `yyyy-mm-dd`) as `yyyy-mm-dd`. */
export function londonDate(text: string): Reading {
  const match = DATE.exec(text);
  if (!match) return { problem: `${JSON.stringify(text)} is not a date (dd/mm/yyyy or yyyy-mm-dd)` };
  const british = match[1] !== undefined;
  const [year, month, day] = british ? [Number(match[3]), Number(match[2]), Number(match[1])] : [Number(match[4]), Number(match[5]), Number(match[6])];
  if (!isRealTime([year, month, day, 0, 0, 0])) return { problem: `${JSON.stringify(text)} is not a real date` };
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
