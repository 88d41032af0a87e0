import { endOfLondonDayMs, startOfLondonDayMs } from '@case-journey/victims-code';
import { inUtc, isCalendarDate, isInstant } from '../cases/dto/formats';

/** A plain London date (`2026-11-30`) or an instant with its zone: what a date filter takes. */
export const isDateOrInstant = (value: unknown): value is string => isCalendarDate(value) || isInstant(value);

/** A date filter's upper bound: a plain date means the end of that London day. */
export const untilMs = (value: string): number => (isCalendarDate(value) ? endOfLondonDayMs(value) : Date.parse(inUtc(value)));

/** A date filter's lower bound: a plain date means the start of that London day. */
export const fromMs = (value: string): number => (isCalendarDate(value) ? startOfLondonDayMs(value) : Date.parse(inUtc(value)));
