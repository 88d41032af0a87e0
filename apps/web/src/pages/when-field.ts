import { calendarDay, londonDay, londonInstant } from '../http/london-time';

export interface WhenFields {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** The form's "when" (a GOV.UK date input and a time, London) defaulting to now. */
export function whenFieldsNow(now: Date): WhenFields {
  const [year, month, day] = londonDay(now).split('-');
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return { day: String(Number(day)), month: String(Number(month)), year, time };
}

export function whenFieldsOf(body: Record<string, string | undefined>): WhenFields {
  return { day: (body['when-day'] ?? '').trim(), month: (body['when-month'] ?? '').trim(), year: (body['when-year'] ?? '').trim(), time: (body['when-time'] ?? '').trim() };
}

/** The instant the fields name in London time, or why they name none. */
export function instantOf(fields: WhenFields, now: Date): { instant: string } | { problem: string } {
  const iso = calendarDay(fields.day, fields.month, fields.year);
  if (!iso) return { problem: 'When must be a real date, for example 27 3 2026' };
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(fields.time);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return { problem: 'Time must be a 24-hour time, for example 14:30' };
  const instant = londonInstant(iso, `${time[1].padStart(2, '0')}:${time[2]}`);
  if (instant.getTime() > now.getTime() + 5 * 60_000) return { problem: 'When must be now or in the past' };
  return { instant: instant.toISOString() };
}
