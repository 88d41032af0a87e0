import { areasInScope, type Grant } from '@case-journey/access';
import { refuseAreaOutOfScope } from '../access/area-scope';

/** The longest period a query may span, in months. */
export const MAX_PERIOD_MONTHS = 60;

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const RANGE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))$/;

const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The London months (`YYYY-MM`) a reporting period covers: `2025`, `2025-Q2`, `2025-04`, or
 * `2025-01..2025-06`. Undefined when the text is none of these or spans more than five years.
 */
export function monthsOf(period: string): string[] | undefined {
  const range = rangeOf(period);
  if (!range) return undefined;
  const [from, to] = range;
  const months: string[] = [];
  for (let year = from[0], month = from[1]; year < to[0] || (year === to[0] && month <= to[1]); month === 12 ? ((month = 1), year++) : month++) {
    months.push(monthKey(year, month));
    if (months.length > MAX_PERIOD_MONTHS) return undefined;
  }
  return months.length > 0 ? months : undefined;
}

function rangeOf(period: string): [[number, number], [number, number]] | undefined {
  let match = YEAR.exec(period);
  if (match) return [[Number(match[1]), 1], [Number(match[1]), 12]];
  match = QUARTER.exec(period);
  if (match) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return [[Number(match[1]), first], [Number(match[1]), first + 2]];
  }
  match = MONTH.exec(period);
  if (match) return [[Number(match[1]), Number(match[2])], [Number(match[1]), Number(match[2])]];
  match = RANGE.exec(period);
  if (match) {
    const [fromYear, fromMonth] = match[1].split('-').map(Number);
    const [toYear, toMonth] = match[2].split('-').map(Number);
    return [[fromYear, fromMonth], [toYear, toMonth]];
  }
  return undefined;
}

/**
 * An area and a reporting period as the read models take them: the period's months, or all when
 * absent, within the caller's areas (naming another area is refused).
 */
export function periodOf({ area, period }: { area?: string; period?: string }, caller: Grant): { area?: string; areas?: readonly string[]; months?: string[] } {
  refuseAreaOutOfScope(caller, area);
  return { area, areas: areasInScope(caller), months: period ? monthsOf(period) : undefined };
}
