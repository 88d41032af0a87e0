/**
 * ISO-8601 instants in the canonical UTC form `YYYY-MM-DDTHH:mm:ss.sssZ`, read and written without
 * Date.parse and toISOString, which cost several hundred nanoseconds each and dominate an
 * obligations() call. Other forms fall back to the built-ins.
 */

const MS_PER_DAY = 86_400_000;

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function parseInstant(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return Date.parse(iso);
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const ms = digits(iso, 20, 3);
  const valid = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 &&
    minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0;
  if (!valid) return Date.parse(iso);
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** `YYYY-MM-DDT` per UTC day number; a case touches few days, so this stays small. */
const dayPrefixes = new Map<number, string>();

/**
 * Instants formatted lately: an obligation gives three or four, and a case's obligations share most
 * of them (the same event triggers many rules; deadlines fall at the same ends of days), so a
 * catch-up formatted the same few strings over and over, each one a string and its pieces to collect.
 */
const formatted = new Map<number, string>();

export function formatInstant(ms: number): string {
  let text = formatted.get(ms);
  if (text === undefined) {
    text = formatInstantAfresh(ms);
    if (formatted.size >= 100_000) formatted.clear();
    formatted.set(ms, text);
  }
  return text;
}

function formatInstantAfresh(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= 253402300800000 /* year 10000 */) return new Date(ms).toISOString();
  const days = Math.floor(ms / MS_PER_DAY);
  let prefix = dayPrefixes.get(days);
  if (prefix === undefined) {
    const [year, month, day] = civilFromDays(days);
    prefix = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
    if (dayPrefixes.size > 100_000) dayPrefixes.clear();
    dayPrefixes.set(days, prefix);
  }
  let rest = ms - days * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[rest - second * 1000]}Z`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days-from-civil and civil-from-days (proleptic Gregorian, day 0 = 1970-01-01).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
