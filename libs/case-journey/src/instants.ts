/**
 * Comparing the ISO-8601 instants events carry. Most are UTC strings of one shape
 * (`2026-03-02T09:00:00.000Z`), which order as text; parsing every one would dominate a fold.
 */
export function compareInstants(a: string, b: string): number {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

export const isBefore = (a: string, b: string): boolean => compareInstants(a, b) < 0;

/** The later of two instants; the current one when they are the same moment. */
export const laterOf = (current: string | null, candidate: string): string =>
  current !== null && compareInstants(current, candidate) >= 0 ? current : candidate;

/** A date, a time of day and the zone that makes it one moment everywhere: `Z` or `±hh:mm`. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * An ISO-8601 instant that names its zone, on a day the calendar has. Only the zone forms that
 * ECMAScript's Date parses by standard (`Z`, `±hh:mm`), since every comparison of instants does.
 */
export function isIsoInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
