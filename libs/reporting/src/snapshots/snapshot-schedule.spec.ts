import { WorkingDayCalendar } from '@case-journey/victims-code';
import { monthsToFreeze, snapshotInstant } from './snapshot-schedule';

const calendar = new WorkingDayCalendar();

describe("when a month's figures are frozen", () => {
  it('at the end of the Nth working day after the month closes, London time', () => {
    // March 2025 ends on Monday 31st; 5 working days on is Monday 7 April (BST), ending 22:59:59.999 UTC.
    expect(snapshotInstant('2025-03', 5, calendar).toISOString()).toBe('2025-04-07T22:59:59.999Z');
    // December 2024 ends Tuesday 31st; 1 January is a bank holiday: 3 working days on is Monday 6 January (GMT).
    expect(snapshotInstant('2024-12', 3, calendar).toISOString()).toBe('2025-01-06T23:59:59.999Z');
  });

  it('freezes only the months whose instant has passed', () => {
    expect(monthsToFreeze(new Date('2025-04-07T12:00:00.000Z'), 5, 3, calendar)).toEqual(['2025-01', '2025-02']);
    expect(monthsToFreeze(new Date('2025-04-08T00:00:00.000Z'), 5, 3, calendar)).toEqual(['2025-01', '2025-02', '2025-03']);
  });
});
