import { bankHolidaysOfEnglandAndWales } from './bank-holidays';
import {
  MS_PER_DAY,
  dayNumberOf,
  dayString,
  instantMs,
  isWeekend,
  londonDayNumberOf,
  londonDayOf,
  startOfLondonDay,
  yearOfDay,
} from './london-day';

export interface WorkingDayCalendarOptions {
  /** Extra days the agencies are closed, as London days `YYYY-MM-DD` (e.g. a local closure). */
  closureDays?: string[];
}

/** One year's working days, with a running count so spans are counted in constant time per year. */
interface YearOfWorkingDays {
  firstDay: number;
  working: Uint8Array;
  /** cumulative[i]: working days from 1 January up to and including day i of the year. */
  cumulative: Uint16Array;
}

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday, not a configured
 * closure day, with days taken in Europe/London.
 *
 * Deadlines are inclusive: `addWorkingDays` returns the last millisecond of the deadline day in
 * London (23:59:59.999 London time). Something done at or before that instant is on time.
 */
export class WorkingDayCalendar {
  private readonly closures: ReadonlySet<number>;
  private readonly years = new Map<number, YearOfWorkingDays>();
  private lastYear: YearOfWorkingDays | undefined;

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.closures = new Set((options.closureDays ?? []).map(dayNumberOf));
  }

  isWorkingDay(londonDay: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(londonDay));
  }

  /** The London calendar day (`YYYY-MM-DD`) an instant falls on. */
  londonDay(instant: Date | string): string {
    return londonDayOf(instant);
  }

  /**
   * The deadline for "within n working days of instant": the end (23:59:59.999 London, inclusive)
   * of the nth working day after the London day of the instant. n = 0 gives the end of that day.
   */
  addWorkingDays(instant: Date | string, n: number): Date {
    return new Date(this.deadlineMs(instantMs(instant), n));
  }

  /**
   * Working days from the London day of `from` to the London day of `to`: how many working days
   * end after `from`'s day, up to and including `to`'s day. Negative when `to` is earlier.
   * It inverts addWorkingDays, and it is the lateness measure.
   */
  workingDaysBetween(from: Date | string, to: Date | string): number {
    return this.workingDaysBetweenMs(instantMs(from), instantMs(to));
  }

  /** addWorkingDays on epoch milliseconds, for hot paths. */
  deadlineMs(fromMs: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    let day = londonDayNumberOf(fromMs);
    for (let remaining = n; remaining > 0; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return this.endOfLondonDayMs(day);
  }

  /** workingDaysBetween on epoch milliseconds, for hot paths. */
  workingDaysBetweenMs(fromMs: number, toMs: number): number {
    const from = londonDayNumberOf(fromMs);
    const to = londonDayNumberOf(toMs);
    return from <= to ? this.workingDaysAfterUpTo(from, to) : -this.workingDaysAfterUpTo(to, from);
  }

  private endOfLondonDayMs(day: number): number {
    return startOfLondonDay(day + 1) - 1;
  }

  private isWorkingDayNumber(day: number): boolean {
    const year = this.yearContaining(day);
    return year.working[day - year.firstDay] === 1;
  }

  /** Working days d with from < d <= to, for from <= to. */
  private workingDaysAfterUpTo(from: number, to: number): number {
    const first = this.yearContaining(from);
    const last = this.yearContaining(to);
    if (first === last) return first.cumulative[to - first.firstDay] - first.cumulative[from - first.firstDay];
    let count = this.total(first) - first.cumulative[from - first.firstDay];
    for (let year = yearOfDay(first.firstDay) + 1; year < yearOfDay(last.firstDay); year++) count += this.total(this.year(year));
    return count + last.cumulative[to - last.firstDay];
  }

  private total(year: YearOfWorkingDays): number {
    return year.cumulative[year.cumulative.length - 1];
  }

  private yearContaining(day: number): YearOfWorkingDays {
    const last = this.lastYear;
    if (last && day >= last.firstDay && day < last.firstDay + last.working.length) return last;
    this.lastYear = this.year(yearOfDay(day));
    return this.lastYear;
  }

  private year(year: number): YearOfWorkingDays {
    let table = this.years.get(year);
    if (!table) {
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    return table;
  }

  private buildYear(year: number): YearOfWorkingDays {
    const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
    const length = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - firstDay;
    const holidays = new Set(bankHolidaysOfEnglandAndWales(year).map(dayNumberOf));
    const working = new Uint8Array(length);
    const cumulative = new Uint16Array(length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const day = firstDay + i;
      const isWorking = !isWeekend(day) && !holidays.has(day) && !this.closures.has(day);
      working[i] = isWorking ? 1 : 0;
      count += working[i];
      cumulative[i] = count;
    }
    return { firstDay, working, cumulative };
  }
}
