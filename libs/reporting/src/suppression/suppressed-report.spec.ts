import { reportKey } from '../pack';
import type { Report } from '../reports/report';
import { handBuiltPackReports } from '../pack/testing/hand-built-pack-reports';
import { suppressReport } from './suppressed-report';

const reports = handBuiltPackReports('2025-03', {
  'this-month': {
    counts: {
      'code-compliance': { ethnicity: { white: [70, 8, 12, 0], black: [10, 3, 5, 0], asian: [8, 2, 0, 0], mixed: [2, 0, 0, 0] } },
      'trial-effectiveness': { courtTier: { crown: [24, 18, 8, 0], magistrates: [30, 20, 10, 0] } },
      'file-quality': { fileKind: { 'full-file': [2, 8] } },
    },
    timeliness: { 'reported-to-charge-decision': [40, 31, 90], 'charge-to-first-listing': [3, 14, 20] },
  },
  'last-month': { counts: {} },
  'last-year': { counts: {} },
});
const report = (measure: string, groupBy: string): Report => reports.get(reportKey({ measure, groupBy: [groupBy], period: 'this-month' }))!;

describe('suppressing a measure report', () => {
  const compliance = suppressReport(report('code-compliance', 'ethnicity'));
  const row = (group: string) => compliance.rows.find((candidate) => candidate.group.ethnicity === group)!.cells;

  it('hides every count below 5, and the rate resting on it', () => {
    // black: met late 3; asian: met late 2; mixed: met on time 2 and its 2 due
    expect(row('black')['met-late']).toMatchObject({ numerator: null, value: null, suppressed: true });
    expect(row('asian')['met-late']).toMatchObject({ numerator: null, value: null, suppressed: true });
    expect(row('mixed')['met-on-time']).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
  });

  it('hides a row\'s denominator in every column that shares it, so no column gives it away', () => {
    for (const cells of compliance.rows.map((candidate) => candidate.cells)) {
      const denominators = ['met-on-time', 'met-late', 'breached'].map((column) => cells[column].denominator === null);
      expect(new Set(denominators).size).toBe(1);
    }
  });

  it('publishes what it shows unchanged, and the rule it applied', () => {
    const white = row('white')['met-on-time'];
    if (!white.suppressed) expect(white).toEqual({ numerator: 70, denominator: 90, value: 70 / 90 });
    expect(compliance.total!.cells['met-on-time']).toEqual({ numerator: 90, denominator: 120, value: 90 / 120 });
    expect(compliance.suppression).toEqual({ threshold: 5, includeZeros: false, protection: 5 });
  });

  it('leaves a report with no small count as it was', () => {
    const trials = suppressReport(report('trial-effectiveness', 'courtTier'));
    expect(trials.rows).toEqual(report('trial-effectiveness', 'courtTier').rows);
  });

  it('withholds a median of fewer than 5 cases with their count', () => {
    const timeliness = suppressReport(report('timeliness', 'interval'));
    const few = timeliness.rows.find((candidate) => candidate.group.interval === 'charge-to-first-listing')!.cells;
    expect(few.cases).toMatchObject({ numerator: null, suppressed: true });
    expect(few['median-days']).toMatchObject({ value: null, suppressed: true });
    const many = timeliness.rows.find((candidate) => candidate.group.interval === 'reported-to-charge-decision')!.cells;
    expect(many['median-days']).toEqual({ numerator: null, denominator: 40, value: 31 });
  });

  describe('beside a report that shares its total (the same measure broken down another way)', () => {
    // The ethnicity report's total is 90, 13 and 17 of 120. Another breakdown of it hid the 90.
    const cell = (numerator: number | null, denominator: number | null) => ({ numerator, denominator, value: null, ...(numerator === null || denominator === null ? { suppressed: true as const } : {}) });
    const hiding90 = { total: { cells: { 'met-on-time': cell(null, 120), 'met-late': cell(13, 120), breached: cell(17, 120) } } };

    it('hides what the other hid of the total, and publishes what it published', () => {
      const linked = suppressReport(report('code-compliance', 'ethnicity'), { sharesTotalWith: hiding90 });
      expect(linked.total!.cells['met-on-time']).toMatchObject({ numerator: null, denominator: 120, suppressed: true });
      expect([linked.total!.cells['met-late'].numerator, linked.total!.cells.breached.numerator]).toEqual([13, 17]);
    });

    it('ignores a total that counts something else', () => {
      const other = { total: { cells: { ...hiding90.total.cells, 'met-late': cell(14, 120) } } };
      expect(suppressReport(report('code-compliance', 'ethnicity'), { sharesTotalWith: other }).total!.cells['met-on-time']).toEqual({ numerator: 90, denominator: 120, value: 90 / 120 });
    });

    it('withholds a table whole when what the other published leaves no way to protect it', () => {
      // One file kind, 2 returned of 10: its row is the total, which the other published in full.
      const files = report('file-quality', 'fileKind');
      const withheld = suppressReport(files, { sharesTotalWith: files });
      expect([withheld.rows[0].cells.returned, withheld.total!.cells.returned]).toEqual([
        { numerator: null, denominator: null, value: null, suppressed: true },
        { numerator: null, denominator: null, value: null, suppressed: true },
      ]);
    });
  });
});
