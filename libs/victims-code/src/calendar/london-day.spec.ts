import { dayNumberOf, dayString, londonDayNumberOf, startOfLondonDay } from './london-day';

const londonDayOf = (iso: string) => dayString(londonDayNumberOf(Date.parse(iso)));

describe('London days', () => {
  it('put an instant at 23:30 UTC in British Summer Time on the next London day', () => {
    expect(londonDayOf('2026-06-01T23:30:00.000Z')).toBe('2026-06-02');
    expect(londonDayOf('2026-06-01T22:59:59.999Z')).toBe('2026-06-01');
  });

  it('keep an instant at 23:30 UTC in winter on the same day', () => {
    expect(londonDayOf('2026-01-15T23:30:00.000Z')).toBe('2026-01-15');
    expect(londonDayOf('2026-01-16T00:00:00.000Z')).toBe('2026-01-16');
  });

  it('start a summer day at 23:00 UTC the evening before and a winter day at midnight UTC', () => {
    expect(new Date(startOfLondonDay(dayNumberOf('2026-06-02'))).toISOString()).toBe('2026-06-01T23:00:00.000Z');
    expect(new Date(startOfLondonDay(dayNumberOf('2026-01-16'))).toISOString()).toBe('2026-01-16T00:00:00.000Z');
  });

  it('start the days on which the clocks change at London midnight', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(new Date(startOfLondonDay(dayNumberOf('2026-03-29'))).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(startOfLondonDay(dayNumberOf('2026-03-30'))).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(new Date(startOfLondonDay(dayNumberOf('2026-10-25'))).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(new Date(startOfLondonDay(dayNumberOf('2026-10-26'))).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('reject strings that are not calendar dates', () => {
    expect(() => dayNumberOf('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumberOf('26-02-03')).toThrow(RangeError);
  });
});
