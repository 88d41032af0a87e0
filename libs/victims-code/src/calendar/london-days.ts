import { dayNumberOf, dayString, londonDayNumberOf, startOfLondonDay, weekdayOf } from './london-day';

/** The last millisecond of the London day `YYYY-MM-DD` (23:59:59.999 local, GMT or BST). */
export function endOfLondonDayMs(londonDay: string): number {
  return startOfLondonDay(dayNumberOf(londonDay) + 1) - 1;
}

/** The first millisecond of the London day `YYYY-MM-DD`. */
export function startOfLondonDayMs(londonDay: string): number {
  return startOfLondonDay(dayNumberOf(londonDay));
}

/** The last millisecond of the London day `instantMs` falls on, `plusDays` later. */
export function endOfLondonDayOf(instantMs: number, plusDays = 0): number {
  return startOfLondonDay(londonDayNumberOf(instantMs) + plusDays + 1) - 1;
}

/** Calendar days from the London day of `fromMs` to that of `toMs` (0 on the same day). */
export function londonDaysBetweenMs(fromMs: number, toMs: number): number {
  return londonDayNumberOf(toMs) - londonDayNumberOf(fromMs);
}

/** The last millisecond of the London week (Monday to Sunday) that `instantMs` falls in. */
export function endOfLondonWeekOf(instantMs: number): number {
  return endOfLondonDayOf(instantMs, (7 - weekdayOf(londonDayNumberOf(instantMs))) % 7);
}

/** The London month (`YYYY-MM`) of an instant. */
export const londonMonthOf = (instantMs: number): string => dayString(londonDayNumberOf(instantMs)).slice(0, 7);
