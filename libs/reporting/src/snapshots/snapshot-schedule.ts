import type { WorkingDayCalendar } from '@case-journey/victims-code';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The London month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`month must be YYYY-MM, not '${month}'`);
  const [year, number] = [Number(match[1]), Number(match[2])];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/**
 * When a month's figures are frozen: the end (London) of the `workingDays`-th working day after the
 * month's last day, so that records of the month that arrive in the first days after it still count.
 * A record stored after this instant is late for the month.
 */
export function snapshotInstant(month: string, workingDays: number, calendar: WorkingDayCalendar): Date {
  const [year, number] = nextMonth(month).split('-').map(Number);
  // Noon UTC on the month's last day is that day in London too, in summer and in winter.
  const lastDay = new Date(Date.UTC(year, number - 1, 0, 12));
  return calendar.addWorkingDays(lastDay, workingDays);
}

/** The months, among the `lookBack` before `now`'s, whose snapshot instant has passed: those to freeze. */
export function monthsToFreeze(now: Date, workingDays: number, lookBack: number, calendar: WorkingDayCalendar): string[] {
  const months: string[] = [];
  let month = calendar.londonDay(now).slice(0, 7);
  for (let i = 0; i < lookBack; i++) {
    month = previousMonth(month);
    if (snapshotInstant(month, workingDays, calendar).getTime() <= now.getTime()) months.unshift(month);
  }
  return months;
}
