import Holidays from 'date-holidays';
import { bankHolidaysOfEnglandAndWales } from './bank-holidays';

/** The official England and Wales list (gov.uk/bank-holidays). */
const OFFICIAL: Record<number, string[]> = {
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('bank holidays of England and Wales', () => {
  it.each(Object.keys(OFFICIAL).map(Number))('match the official list for %i', (year) => {
    expect(bankHolidaysOfEnglandAndWales(year)).toEqual(OFFICIAL[year]);
  });

  it('drop the weekend date listed beside a substitute day (Boxing Day 2026 is a Saturday)', () => {
    expect(bankHolidaysOfEnglandAndWales(2026)).not.toContain('2026-12-26');
    expect(bankHolidaysOfEnglandAndWales(2027)).not.toContain('2027-12-25');
  });

  it('are the same for Wales as for England, so one list serves both', () => {
    const wales = new Holidays('GB', 'WLS', { timezone: 'Europe/London' });
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]) {
      const walesPublic = wales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
      const weekdays = walesPublic.filter((day) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()));
      expect(weekdays).toEqual(bankHolidaysOfEnglandAndWales(year));
    }
  });
});
