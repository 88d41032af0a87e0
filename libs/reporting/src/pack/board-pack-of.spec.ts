import { boardPackOf } from './board-pack-of';
import { isSuppressed, type BoardPack, type PackTable } from './board-pack';
import { figuresDigest } from './figures-digest';
import { handBuiltPackReports, type HandBuiltPeriod } from './testing/hand-built-pack-reports';

// Code compliance by entitlement: [met on time, met late, breached]; the rest column is 0 here.
const march: HandBuiltPeriod = {
  counts: {
    'code-compliance': {
      entitlement: { 'R4.referral': [40, 6, 4, 0], 'R6.charge-decision': [30, 5, 5, 0], 'R8.hearing-date': [20, 2, 8, 0] },
      ethnicity: { white: [70, 8, 12, 0], black: [10, 3, 5, 0], asian: [8, 2, 0, 0], mixed: [2, 0, 0, 0] },
      sex: { female: [50, 7, 9, 0], male: [40, 6, 8, 0] },
      ageBand: { '18-24': [30, 4, 6, 0], '25-34': [60, 9, 11, 0] },
    },
    'victim-contact': { entitlement: { 'R11.vcs-referral': [6, 1, 3, 0] } },
    'file-quality': { fileKind: { 'full-file': [12, 48] } },
    'trial-effectiveness': { courtTier: { crown: [24, 18, 8, 0], magistrates: [30, 20, 10, 0] } },
    attrition: { offence: { violence: [9, 51] }, ethnicity: { white: [7, 40], black: [2, 11] }, sex: { female: [6, 30], male: [3, 21] }, ageBand: { '25-34': [9, 51] } },
  },
  timeliness: { 'reported-to-charge-decision': [40, 31, 90], 'charge-to-first-listing': [3, 14, 20] },
};
const february: HandBuiltPeriod = { counts: { 'code-compliance': { entitlement: { 'R4.referral': [60, 20, 20, 0] } }, attrition: { offence: { violence: [10, 40] } } }, timeliness: { 'reported-to-charge-decision': [35, 28, 80] } };
const lastYear: HandBuiltPeriod = { counts: { 'code-compliance': { entitlement: { 'R4.referral': [45, 5, 0, 0] } } } };

const reports = handBuiltPackReports('2025-03', { 'this-month': march, 'last-month': february, 'last-year': lastYear });
const tableOf = (pack: BoardPack, id: string): PackTable => pack.sections.flatMap((section) => section.tables).find((table) => table.id === id)!;

describe("a month's board pack", () => {
  const pack = boardPackOf({ area: 'Wessex', month: '2025-03', suppress: false }, reports);

  it('compares the headline with last month and the same month last year', () => {
    // March: met on time 40 + 30 + 20 = 90 of 120 due = 75%; February 60 of 100 = 60%; March 2024 45 of 50 = 90%.
    const compliance = pack.sections.find((section) => section.measureId === 'code-compliance')!.headline!;
    expect(compliance.figures.map((figure) => [figure.period, figure.numerator, figure.denominator])).toEqual([
      ['this-month', 90, 120],
      ['last-month', 60, 100],
      ['last-year', 45, 50],
    ]);
    expect(compliance.changeOnLastMonth).toBeCloseTo(0.75 - 0.6, 10);
    expect(compliance.changeOnLastYear).toBeCloseTo(0.75 - 0.9, 10);
    expect(pack.periods.map((period) => period.label)).toEqual(['This month (March 2025)', 'Last month (February 2025)', 'Same month last year (March 2024)']);
  });

  it('has no comparison where a period has nothing due', () => {
    const contact = pack.sections.find((section) => section.measureId === 'victim-contact')!.headline!;
    expect(contact.figures[0].value).toBeCloseTo(6 / 10, 10);
    expect(contact.changeOnLastMonth).toBeNull();
  });

  it('gives each group its rate, interval, rate ratio against the largest group and a significance flag', () => {
    const byEthnicity = tableOf(pack, 'code-compliance-by-ethnicity');
    const black = byEthnicity.rows.find((row) => row.label === 'black')!.cells;
    // black 10 of 18 against white 70 of 90: RR = (10/18) / (70/90) = 0.7142857
    expect(black.numerator).toBe(10);
    expect(black.denominator).toBe(18);
    expect(black.ratio as number).toBeCloseTo(10 / 18 / (70 / 90), 10);
    // expected counts: 18 × 26/108 = 4.3 < 5, so Fisher's exact test; p ≈ 0.07 (not significant)
    expect(black.significant).toBe('No');
    expect(byEthnicity.rows.find((row) => row.label === 'white')!.cells.significant).toBe('reference');
  });

  it('suppresses small counts, and every statistic resting on them, when asked', () => {
    const suppressed = boardPackOf({ area: 'Wessex', month: '2025-03', suppress: true }, reports);
    const byEthnicity = tableOf(suppressed, 'code-compliance-by-ethnicity');
    const mixed = byEthnicity.rows.find((row) => row.label === 'mixed')!.cells; // 2 of 2
    expect([mixed.numerator, mixed.denominator, mixed.rate, mixed.interval, mixed.ratio].every(isSuppressed)).toBe(true);
    // The totals are the entitlement table's, published there: 90 of 120.
    const total = byEthnicity.rows.find((row) => row.isTotal)!.cells;
    expect([total.numerator, total.denominator]).toEqual([90, 120]);
    expect(suppressed.suppressionNote).toContain('Counts below 5');
    // Timeliness: 3 cases of charge to first listing is too few for a median.
    const timeliness = tableOf(suppressed, 'timeliness-by-interval').rows.find((row) => row.label === 'charge-to-first-listing')!.cells;
    expect(isSuppressed(timeliness.median)).toBe(true);
    expect(pack.suppressionNote).toBeNull();
  });

  it('digests the same figures to the same hash, and different ones to another', () => {
    expect(figuresDigest(boardPackOf({ area: 'Wessex', month: '2025-03', suppress: false }, reports))).toBe(figuresDigest(pack));
    const later = handBuiltPackReports('2025-03', { 'this-month': { ...march, timeliness: { 'reported-to-charge-decision': [41, 31, 90] } }, 'last-month': february, 'last-year': lastYear });
    expect(figuresDigest(boardPackOf({ area: 'Wessex', month: '2025-03', suppress: false }, later))).not.toBe(figuresDigest(pack));
  });
});
