import { parseInstant } from './iso-instants';

/**
 * Calendar days in Europe/London, as integer day numbers (days since 1970-01-01 of the London
 * calendar date). Day numbers make working-day arithmetic integer arithmetic; the strings are
 * only for the edges.
 */

const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * London's offset from UTC is a whole number of hours and changes on the hour (01:00 UTC), so
 * every instant within one UTC hour falls on the same London day: cache per UTC hour.
 */
const dayOfUtcHour = new Map<number, number>();

export function londonDayNumberOf(instantMs: number): number {
  const hour = Math.floor(instantMs / MS_PER_HOUR);
  let day = dayOfUtcHour.get(hour);
  if (day === undefined) {
    day = formattedDayNumber(hour * MS_PER_HOUR);
    dayOfUtcHour.set(hour, day);
  }
  return day;
}

function formattedDayNumber(instantMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of LONDON.formatToParts(instantMs)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The instant London's day `day` begins: UTC midnight, or 23:00 UTC the evening before in British Summer Time. */
export function startOfLondonDay(day: number): number {
  const bstStart = day * MS_PER_DAY - MS_PER_HOUR;
  return londonDayNumberOf(bstStart) === day ? bstStart : day * MS_PER_DAY;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` to a day number; throws on anything that is not a real calendar date. */
export function dayNumberOf(londonDay: string): number {
  const match = DAY_PATTERN.exec(londonDay);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${JSON.stringify(londonDay)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${londonDay}`);
  }
  return ms / MS_PER_DAY;
}

/** Days already written out: the engine and the counters ask for the same few thousand over and over. */
const dayStrings = new Map<number, string>();

export function dayString(day: number): string {
  let written = dayStrings.get(day);
  if (written === undefined) {
    written = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(day, written);
  }
  return written;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1 January 1970 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function instantMs(instant: Date | string | number): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? parseInstant(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

/** The London calendar day (`YYYY-MM-DD`) an instant falls on. */
export function londonDayOf(instant: Date | string): string {
  return dayString(londonDayNumberOf(instantMs(instant)));
}
