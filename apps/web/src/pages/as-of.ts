import { calendarDay, londonDay, londonInstant } from '../http/london-time';

export interface AsOfChoice {
  /** The end of the chosen London day, as the API's `asOf`; absent for "now". */
  instant?: string;
  day?: string;
  fields: { day: string; month: string; year: string };
}

/**
 * The "as of" date picker's answer (GOV.UK date input: day, month, year) as the instant the API is
 * asked about: the last moment of that London day. A day that does not exist, or is still to come,
 * is an error shown beside the fields.
 */
export function asOfFrom(query: Record<string, string | undefined>, now: Date): AsOfChoice | { errorList: Array<{ text: string; href: string }>; fields: AsOfChoice['fields'] } {
  const fields = { day: (query['asOf-day'] ?? '').trim(), month: (query['asOf-month'] ?? '').trim(), year: (query['asOf-year'] ?? '').trim() };
  if (!fields.day && !fields.month && !fields.year) return { fields };
  const iso = calendarDay(fields.day, fields.month, fields.year);
  if (!iso || iso < '1990') return { fields, errorList: [{ text: 'The “as of” date must be a real date, for example 27 3 2025', href: '#asOf-day' }] };
  if (iso > londonDay(now)) return { fields, errorList: [{ text: 'The “as of” date must be today or in the past', href: '#asOf-day' }] };
  if (iso === londonDay(now)) return { fields, day: iso };
  const next = new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { fields, day: iso, instant: new Date(londonInstant(next).getTime() - 1).toISOString() };
}
