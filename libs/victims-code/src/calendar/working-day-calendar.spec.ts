import fc from 'fast-check';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();
const iso = (date: Date) => date.toISOString();

describe('WorkingDayCalendar', () => {
  describe('isWorkingDay', () => {
    it('knows weekends, bank holidays and substitute days', () => {
      expect(calendar.isWorkingDay('2026-12-24')).toBe(true);
      expect(calendar.isWorkingDay('2026-12-25')).toBe(false);
      expect(calendar.isWorkingDay('2026-12-26')).toBe(false);
      expect(calendar.isWorkingDay('2026-12-28')).toBe(false);
      expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
      expect(calendar.isWorkingDay('2027-03-26')).toBe(false);
      expect(calendar.isWorkingDay('2027-03-29')).toBe(false);
    });

    it('takes configured closure days out', () => {
      const closed = new WorkingDayCalendar({ closureDays: ['2026-03-09'] });
      expect(closed.isWorkingDay('2026-03-09')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-09')).toBe(true);
    });

    it('rejects a malformed closure day when built', () => {
      expect(() => new WorkingDayCalendar({ closureDays: ['9 March'] })).toThrow(/YYYY-MM-DD/);
    });
  });

  describe('addWorkingDays gives the inclusive end of the nth working day in London', () => {
    it.each([
      ['a Friday in winter, 1 day: Monday', '2026-03-06T10:00:00.000Z', 1, '2026-03-09T23:59:59.999Z'],
      ['a Friday in summer, 1 day: Monday, ending at 23:00 UTC', '2026-06-05T10:00:00.000Z', 1, '2026-06-08T22:59:59.999Z'],
      ['a Friday, 5 days: the next Friday', '2026-03-06T10:00:00.000Z', 5, '2026-03-13T23:59:59.999Z'],
      ['Christmas Eve 2026, 1 day: over Christmas, the weekend and the substitute Boxing Day', '2026-12-24T09:00:00.000Z', 1, '2026-12-29T23:59:59.999Z'],
      ['Maundy Thursday 2027, 1 day: over Easter into summer time', '2027-03-25T09:00:00.000Z', 1, '2027-03-30T22:59:59.999Z'],
      ['a bank holiday, 1 day: the next working day', '2026-05-04T09:00:00.000Z', 1, '2026-05-05T22:59:59.999Z'],
      ['00:30 BST on Friday counts from Friday, not Thursday', '2026-07-02T23:30:00.000Z', 1, '2026-07-06T22:59:59.999Z'],
      ['23:30 BST on Thursday counts from Thursday', '2026-07-02T22:30:00.000Z', 1, '2026-07-03T22:59:59.999Z'],
      ['23:30 GMT on the Friday before the clocks go forward', '2026-03-27T23:30:00.000Z', 1, '2026-03-30T22:59:59.999Z'],
      ['the Friday before the clocks go back', '2026-10-23T12:00:00.000Z', 1, '2026-10-26T23:59:59.999Z'],
      ['0 days: the end of the same London day', '2026-07-02T23:30:00.000Z', 0, '2026-07-03T22:59:59.999Z'],
    ])('from %s', (_name, from, n, due) => {
      expect(iso(calendar.addWorkingDays(from, n))).toBe(due);
    });

    it('skips a closure day', () => {
      const closed = new WorkingDayCalendar({ closureDays: ['2026-03-09'] });
      expect(iso(closed.addWorkingDays('2026-03-06T10:00:00.000Z', 1))).toBe('2026-03-10T23:59:59.999Z');
    });

    it('rejects a negative or fractional count and an invalid instant', () => {
      expect(() => calendar.addWorkingDays('2026-03-06T10:00:00.000Z', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-03-06T10:00:00.000Z', 1.5)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('yesterday', 1)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the working days after the first London day up to and including the second, signed', () => {
      expect(calendar.workingDaysBetween('2026-12-24T12:00:00.000Z', '2026-12-29T12:00:00.000Z')).toBe(1);
      expect(calendar.workingDaysBetween('2026-12-29T12:00:00.000Z', '2026-12-24T12:00:00.000Z')).toBe(-1);
      expect(calendar.workingDaysBetween('2026-12-24T08:00:00.000Z', '2026-12-24T20:00:00.000Z')).toBe(0);
      expect(calendar.workingDaysBetween('2026-03-06T12:00:00.000Z', '2026-03-08T12:00:00.000Z')).toBe(0);
    });

    it('counts across years: 2025-12-31 to 2027-01-04 is 253 + 1 working days', () => {
      // 2026 has 261 weekdays less 8 weekday bank holidays: 253.
      // 1-4 January 2027: Fri 1 (holiday), Sat, Sun, Mon 4 = 1.
      expect(calendar.workingDaysBetween('2025-12-31T12:00:00.000Z', '2027-01-04T12:00:00.000Z')).toBe(254);
    });
  });

  describe('properties', () => {
    const instant = fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true });
    const days = fc.integer({ min: 0, max: 40 });

    it('lands on a working day, at the last millisecond of a London day', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 40 }), (from, n) => {
          const due = calendar.addWorkingDays(from, n);
          const day = calendar.londonDay(due);
          return calendar.isWorkingDay(day) && calendar.londonDay(new Date(due.getTime() + 1)) !== day;
        }),
      );
    });

    it('is strictly monotonic in n', () => {
      fc.assert(
        fc.property(instant, days, days, (from, a, b) => {
          fc.pre(a !== b);
          const [low, high] = a < b ? [a, b] : [b, a];
          return calendar.addWorkingDays(from, low) < calendar.addWorkingDays(from, high);
        }),
      );
    });

    it('is inverted by workingDaysBetween', () => {
      fc.assert(
        fc.property(instant, days, (from, n) => calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)) === n),
      );
    });

    it('workingDaysBetween is antisymmetric and additive', () => {
      fc.assert(
        fc.property(instant, instant, instant, (a, b, c) => {
          const ab = calendar.workingDaysBetween(a, b);
          return ab === -calendar.workingDaysBetween(b, a) && ab + calendar.workingDaysBetween(b, c) === calendar.workingDaysBetween(a, c);
        }),
      );
    });

    it('never counts a weekend day: moving the end onto the following Saturday or Sunday changes nothing', () => {
      const friday = fc.integer({ min: 0, max: 400 }).map((week) => new Date(Date.UTC(2024, 0, 5 + 7 * week, 12)));
      fc.assert(
        fc.property(instant, friday, fc.integer({ min: 1, max: 2 }), (from, fri, extra) => {
          const weekend = new Date(fri.getTime() + extra * 86_400_000);
          return calendar.workingDaysBetween(from, fri) === calendar.workingDaysBetween(from, weekend);
        }),
      );
    });

    it('matches an independent count over the official list for 2024-2027', () => {
      const official = new Set([
        '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
        '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
        '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
        '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
      ]);
      const noonOf = fc.integer({ min: 0, max: 4 * 365 - 60 }).map((d) => Date.UTC(2024, 0, 1 + d, 12));
      fc.assert(
        fc.property(noonOf, fc.integer({ min: 0, max: 60 }), (start, span) => {
          let expected = 0;
          for (let d = 1; d <= span; d++) {
            const day = new Date(start + d * 86_400_000);
            const weekday = day.getUTCDay();
            if (weekday !== 0 && weekday !== 6 && !official.has(day.toISOString().slice(0, 10))) expected++;
          }
          return calendar.workingDaysBetween(new Date(start), new Date(start + span * 86_400_000)) === expected;
        }),
      );
    });

    it('never lands on a closure day', () => {
      const closed = new WorkingDayCalendar({ closureDays: ['2026-03-09', '2026-03-10', '2026-07-01'] });
      fc.assert(
        fc.property(fc.date({ min: new Date('2026-02-01T00:00:00Z'), max: new Date('2026-07-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 10 }), (from, n) =>
          !['2026-03-09', '2026-03-10', '2026-07-01'].includes(closed.londonDay(closed.addWorkingDays(from, n))),
        ),
      );
    });
  });
});
