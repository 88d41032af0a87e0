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
