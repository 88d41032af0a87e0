import { isISO8601 } from 'class-validator';
import { isIsoInstant } from '@case-journey/domain';

/**
 * The text formats the API accepts, as predicates. The field decorators turn them into validation
 * rules and OpenAPI patterns; nothing else in the API should re-spell them.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The prosecution's unique reference number: 2 digits, 2 letters, 7 digits (01AB2345624). */
export const URN_PATTERN = /^\d{2}[A-Z]{2}\d{7}$/;

/** Digits, spaces, brackets, dashes and a leading +: how phone numbers arrive from agency systems. */
const PHONE_CHARACTERS = /^\+?[\d ()-]+$/;
const PHONE_DIGITS = { min: 9, max: 15 };

/**
 * Agency systems also send ISO-8601's basic offset (`…+0100`), which the domain's instants do not
 * take (ECMAScript's Date parses only `±hh:mm` by standard): the API re-spells it `+01:00` first.
 */
const BASIC_OFFSET = /([+-]\d{2})(\d{2})$/;
const withExtendedOffset = (instant: string): string => instant.replace(BASIC_OFFSET, '$1:$2');

/** An ISO-8601 instant that names its zone, as the domain takes it: `2025-01-06T21:40:00Z`, `…+01:00`; or `…+0100`. */
export const isInstant = (value: unknown): value is string => typeof value === 'string' && isIsoInstant(withExtendedOffset(value));

/** The same instant in UTC, the form every event holds (`2025-01-06T20:40:00.000Z`). */
export const inUtc = (instant: string): string => new Date(withExtendedOffset(instant)).toISOString();

/** A real day of the calendar as YYYY-MM-DD (2025-02-29 is not one). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });
}

export function isUrn(value: unknown): value is string {
  return typeof value === 'string' && URN_PATTERN.test(value);
}

export function isPhoneNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !PHONE_CHARACTERS.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/** A NUL, or half of a surrogate pair alone: text that is not well-formed Unicode (`"\ud800"`). */
const UNFIT_CHARACTER = /[\u0000\p{Cs}]/u;

/**
 * Why a text cannot be stored or used as a key, or undefined when it can: a NUL character, or a
 * lone surrogate, which no UTF-8 store, id derivation or other system can hold.
 */
export function textFault(text: string): string | undefined {
  if (!UNFIT_CHARACTER.test(text)) return undefined;
  return text.includes('\u0000') ? 'must not contain a NUL character (\\u0000)' : 'must be well-formed Unicode: it holds half of a surrogate pair alone';
}
