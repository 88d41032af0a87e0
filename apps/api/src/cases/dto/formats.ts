import { isISO8601 } from 'class-validator';

/**
 * The text formats the API accepts, as predicates. The field decorators turn them into validation
 * rules and OpenAPI patterns; nothing else in the API should re-spell them.
 */

/** A calendar date and a time of day with its zone: `2025-01-06T21:40:00Z`, `…+01:00`, `…+0100`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The prosecution's unique reference number: 2 digits, 2 letters, 7 digits (01AB2345624). */
export const URN_PATTERN = /^\d{2}[A-Z]{2}\d{7}$/;

/** Digits, spaces, brackets, dashes and a leading +: how phone numbers arrive from agency systems. */
const PHONE_CHARACTERS = /^\+?[\d ()-]+$/;
const PHONE_DIGITS = { min: 9, max: 15 };

/** An ISO-8601 instant that names its zone, so that it means one moment everywhere. */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** The same instant in UTC, the form every event holds (`2025-01-06T20:40:00.000Z`). */
export const inUtc = (instant: string): string => new Date(instant).toISOString();

/** A real day of the calendar as YYYY-MM-DD (2025-02-29 is not one). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });
}

/** Today in England and Wales, as YYYY-MM-DD: a date of birth is judged against the London day. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

export function isUrn(value: unknown): value is string {
  return typeof value === 'string' && URN_PATTERN.test(value);
}

export function isPhoneNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}
