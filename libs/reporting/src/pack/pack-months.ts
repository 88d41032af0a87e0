import type { PeriodId } from './board-pack';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months a pack compares: this month, the one before, and the same month a year before. */
export function packMonths(month: string): Array<{ id: PeriodId; month: string }> {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`month must be YYYY-MM, not '${month}'`);
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  const previous = monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
  return [
    { id: 'this-month', month },
    { id: 'last-month', month: previous },
    { id: 'last-year', month: `${year - 1}-${match[2]}` },
  ];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-03` → `March 2025`. */
export const monthName = (month: string): string => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
