/** Dates and times as people in England and Wales read them: London time, whatever the server's zone. */
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const valid = (value: unknown): Date | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

export const londonDate = (value: unknown): string => (valid(value) ? DATE.format(valid(value)) : '');
export const londonDateTime = (value: unknown): string => (valid(value) ? DATE_TIME.format(valid(value)) : '');
/** The London calendar day of an instant, as YYYY-MM-DD. */
export const londonDay = (value: Date): string => ISO_DAY.format(value);

/**
 * The day (YYYY-MM-DD) a GOV.UK date input's day, month and four-digit year name, or undefined when
 * the calendar has no such day: 31 February, month 13, day 0, a part left empty or not a number.
 */
export function calendarDay(day: string, month: string, year: string): string | undefined {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const [d, m, y] = [day, month, year].map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The instant a London wall-clock time stands for (BST or GMT as that day has it). */
export function londonInstant(day: string, time = '00:00'): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const offsetMs = (date: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - date.getTime();
  };
  return new Date(guess.getTime() - offsetMs(guess));
}

/** A span of time in plain words: "3 days 4 hours", "5 hours", "under an hour". */
export function durationInWords(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days === 0) return hours === 0 ? 'under an hour' : plural(hours, 'hour');
  return rest === 0 || days >= 7 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(rest, 'hour')}`;
}

/** The initialisms among identifiers' words, written in capitals wherever they stand. */
const INITIALISMS = /\b(cps|wcu|hmcts|urn|vps|id|sms|gbh|abh)\b/g;

/** A word or two from an identifier: `FileSubmittedToCps` → "File submitted to CPS", `due-soon` → "Due soon". */
export function humanise(identifier: unknown): string {
  return capitalised(inSentence(identifier));
}

/** The text with its first letter in capitals, to begin a sentence. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** As `humanise`, for the middle of a sentence: `hearing-date` → "hearing date", `vps-offered` → "VPS offered", `18-24` → "18 to 24". */
export function inSentence(identifier: unknown): string {
  return String(identifier ?? '')
    .replace(/\b(\d{1,3})-(\d{1,3})\b/g, '$1 to $2')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .replace(INITIALISMS, (word) => word.toUpperCase());
}
