import { monthsOf } from './reporting-period';

describe('monthsOf', () => {
  it('gives the months of a year, a quarter, a month and a range', () => {
    expect(monthsOf('2025')).toHaveLength(12);
    expect(monthsOf('2025-Q2')).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(monthsOf('2025-04')).toEqual(['2025-04']);
    expect(monthsOf('2024-11..2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('refuses anything else: malformed text, a backwards range, more than five years', () => {
    for (const period of ['2025-13', '2025-Q5', '25', 'last month', '2025-03..2025-01', '2020-01..2025-12']) expect(monthsOf(period)).toBeUndefined();
  });
});
