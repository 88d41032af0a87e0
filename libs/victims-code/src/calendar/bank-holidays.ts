import Holidays from 'date-holidays';
import { dayNumberOf, isWeekend } from './london-day';

/** England and Wales share one list; date-holidays keeps it under GB/ENG (GB/WLS is identical). */
const ENGLAND_AND_WALES = new Holidays('GB', 'ENG', { timezone: 'Europe/London' });

/**
 * The bank holidays of England and Wales in a year, as `YYYY-MM-DD`. date-holidays also lists the
 * weekend date of a holiday that moves to a substitute weekday (26 Dec 2026 beside 28 Dec 2026);
 * a weekend date is never a working day anyway, so dropping them gives exactly the official list.
 */
export function bankHolidaysOfEnglandAndWales(year: number): string[] {
  return ENGLAND_AND_WALES.getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10))
    .filter((day) => !isWeekend(dayNumberOf(day)));
}
